import NIOCore

extension STOMPSession {
    /// Tells the session that the credentials of ``Action/authenticate(login:passcode:headers:)``
    /// were accepted: it sends `CONNECTED` and handles the frames that waited.
    ///
    /// `CONNECTED` carries `version`, `heart-beat` (the server's configured wishes; omitted
    /// for STOMP 1.0, which has no heart-beats), `server` (`pglive/<serverVersion>`) and
    /// `session`.
    ///
    /// Credentials that expire (a token's `exp`) end the session at `expiry`: ``nextTick``
    /// comes no later, and ``tick(now:)`` then sends `ERROR` "token expired" and closes.
    ///
    /// ```swift
    /// perform(session.authenticated(until: .now() + .seconds(3600)))
    /// ```
    ///
    /// - Parameters:
    ///   - expiry: When the credentials expire; `nil` for credentials that do not.
    /// - Returns: The actions to perform; nothing unless authentication was pending.
    public mutating func authenticated(until expiry: NIODeadline? = nil) -> [Action] {
        guard self.state == .authenticating else {
            return []
        }
        self.state = .connected
        self.credentialsExpiry = expiry
        var headers: STOMPHeaders = ["version": self.version.rawValue]
        if self.version > .v1_0 {
            headers.add(name: "heart-beat", value: self.configuration.heartBeat.headerValue)
        }
        headers.add(name: "server", value: "pglive/\(self.configuration.serverVersion)")
        headers.add(name: "session", value: self.id)
        return [self.write(STOMPFrame(.connected, headers: headers))] + self.readFrames()
    }

    /// Tells the session that authentication failed: it sends `ERROR` and closes.
    ///
    /// ```swift
    /// perform(session.authenticationFailed(message: "access denied", detail: "Unknown login."))
    /// ```
    ///
    /// - Parameters:
    ///   - message: The ERROR frame's short `message` header.
    ///   - detail: The ERROR frame's body.
    /// - Returns: The actions to perform; nothing unless authentication was pending.
    public mutating func authenticationFailed(message: String, detail: String) -> [Action] {
        guard self.state == .authenticating else {
            return []
        }
        return self.fail(.reported(message: message, detail: detail), receipt: nil)
    }

    /// Handles `CONNECT` or `STOMP`: negotiates version and heart-beats, then asks the owner
    /// to authenticate. A missing `host` header is accepted whatever the version, because
    /// most browser clients omit it.
    mutating func connect(_ frame: STOMPFrame) throws(STOMPSessionError) -> [Action] {
        guard self.state == .awaitingConnect else {
            throw .alreadyConnected
        }
        let version: STOMPVersion
        let clientHeartBeat: STOMPHeartBeat
        do {
            version = try STOMPVersion.negotiate(
                acceptVersion: frame.headers["accept-version"],
                supported: self.configuration.versions
            )
            clientHeartBeat = version == .v1_0 ? .none : try STOMPHeartBeat(headerValue: frame.headers["heart-beat"])
        } catch {
            throw .protocolViolation(error)
        }
        self.parser.version = version
        self.heartBeat = STOMPHeartBeat.negotiate(client: clientHeartBeat, server: self.configuration.heartBeat)
        self.lastWritten = self.lastReceived
        self.state = .authenticating
        return [.authenticate(login: frame.headers["login"], passcode: frame.headers["passcode"], headers: frame.headers)]
    }
}
