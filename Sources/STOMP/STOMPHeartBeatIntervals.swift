/// The heart-beat intervals a connection runs with after negotiation.
///
/// Both are in milliseconds; `0` means no heart-beats in that direction. The receiving side
/// of a direction usually allows some grace before it declares the peer dead.
///
/// ```swift
/// let intervals = STOMPHeartBeat.negotiate(client: client, server: server)
/// if intervals.serverToClient > 0 { scheduleHeartBeats(every: intervals.serverToClient) }
/// ```
public struct STOMPHeartBeatIntervals: Sendable, Hashable {
    /// Milliseconds between heart-beats the client sends to the server; `0` for none.
    public var clientToServer: Int
    /// Milliseconds between heart-beats the server sends to the client; `0` for none.
    public var serverToClient: Int

    /// Creates negotiated intervals.
    ///
    /// - Parameters:
    ///   - clientToServer: Milliseconds between client heart-beats; `0` for none.
    ///   - serverToClient: Milliseconds between server heart-beats; `0` for none.
    public init(clientToServer: Int, serverToClient: Int) {
        self.clientToServer = clientToServer
        self.serverToClient = serverToClient
    }
}
