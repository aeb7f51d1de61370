extension STOMPHeartBeat {
    /// Negotiates heart-beat intervals with the STOMP 1.2 formula.
    ///
    /// With the client's `cx,cy` and the server's `sx,sy`: the client sends every
    /// `max(cx, sy)` ms unless `cx` or `sy` is `0`, and the server sends every `max(sx, cy)`
    /// ms unless `sx` or `cy` is `0`.
    ///
    /// ```swift
    /// let intervals = STOMPHeartBeat.negotiate(
    ///     client: STOMPHeartBeat(send: 4_000, receive: 10_000),
    ///     server: STOMPHeartBeat(send: 5_000, receive: 5_000)
    /// )
    /// // clientToServer == 5_000, serverToClient == 10_000
    /// ```
    ///
    /// - Parameters:
    ///   - client: The client's `heart-beat` from its `CONNECT` frame.
    ///   - server: The server's `heart-beat`, sent back in `CONNECTED`.
    /// - Returns: The interval for each direction.
    public static func negotiate(client: STOMPHeartBeat, server: STOMPHeartBeat) -> STOMPHeartBeatIntervals {
        STOMPHeartBeatIntervals(
            clientToServer: Self.interval(sender: client.send, receiver: server.receive),
            serverToClient: Self.interval(sender: server.send, receiver: client.receive)
        )
    }

    private static func interval(sender: Int, receiver: Int) -> Int {
        sender == 0 || receiver == 0 ? 0 : max(sender, receiver)
    }
}
