import NIOCore

extension STOMPSession {
    /// The limits and wishes a ``STOMPSession`` runs with.
    ///
    /// ```swift
    /// let configuration = STOMPSession.Configuration(
    ///     serverVersion: "0.1.0",
    ///     heartBeat: STOMPHeartBeat(send: 10_000, receive: 10_000),
    ///     maxSubscriptions: 50
    /// )
    /// ```
    public struct Configuration: Sendable, Hashable {
        /// The version in the `CONNECTED` frame's `server` header, `pglive/<serverVersion>`.
        public var serverVersion: String
        /// The protocol versions the server accepts.
        public var versions: [STOMPVersion]
        /// The server's heart-beat wishes: how often it can send, how often it wants to hear.
        public var heartBeat: STOMPHeartBeat
        /// How many client-to-server intervals may pass in silence before the client is
        /// declared dead.
        public var heartBeatTimeoutFactor: Int
        /// The most subscriptions one session may hold.
        public var maxSubscriptions: Int
        /// The most messages a `client` or `client-individual` subscription may have
        /// unacknowledged before delivery to it pauses.
        public var maxUnackedMessages: Int
        /// The most transactions one session may have open.
        public var maxOpenTransactions: Int
        /// The most `SEND`, `ACK` and `NACK` frames one transaction may queue.
        public var maxTransactionFrames: Int
        /// The most body bytes of `SEND` frames a session's open transactions may hold
        /// together until their `COMMIT` or `ABORT`.
        public var maxTransactionBytes: Int
        /// The parser's frame size limits.
        public var limits: STOMPLimits
        /// How long a new connection may take to send `CONNECT` and be authenticated before
        /// the session sends `ERROR` and closes; `nil` waits forever.
        public var connectTimeout: TimeAmount?
        /// The most `SEND` frames a session may send, as a token bucket; `nil` for no limit.
        public var sendRate: RateLimit?

        /// Creates a configuration; every default suits a public-facing server.
        ///
        /// - Parameters:
        ///   - serverVersion: pglive's version, for the `server` header.
        ///   - versions: The accepted protocol versions; 1.0, 1.1 and 1.2 by default.
        ///   - heartBeat: The server's heart-beat wishes; every 10 s both ways by default.
        ///   - heartBeatTimeoutFactor: Silent client intervals tolerated; 2 by default.
        ///   - maxSubscriptions: Subscriptions per session; 100 by default.
        ///   - maxUnackedMessages: Unacknowledged messages per subscription; 1000 by default.
        ///   - maxOpenTransactions: Open transactions per session; 16 by default.
        ///   - maxTransactionFrames: Frames queued per transaction; 1000 by default.
        ///   - maxTransactionBytes: `SEND` body bytes held by a session's open transactions;
        ///     16 MiB by default (without it, 16 transactions of 1,000 frames of 1 MiB
        ///     could hold 16 GiB).
        ///   - limits: The parser's limits; ``STOMPLimits`` defaults when omitted.
        ///   - connectTimeout: How long a connection may wait before `CONNECTED`; 10 s by default.
        ///   - sendRate: The `SEND` rate limit; 1000 per second with bursts of 1000 by default.
        public init(
            serverVersion: String,
            versions: [STOMPVersion] = STOMPVersion.allCases,
            heartBeat: STOMPHeartBeat = STOMPHeartBeat(send: 10_000, receive: 10_000),
            heartBeatTimeoutFactor: Int = 2,
            maxSubscriptions: Int = 100,
            maxUnackedMessages: Int = 1_000,
            maxOpenTransactions: Int = 16,
            maxTransactionFrames: Int = 1_000,
            maxTransactionBytes: Int = 16 << 20,
            limits: STOMPLimits = STOMPLimits(),
            connectTimeout: TimeAmount? = .seconds(10),
            sendRate: RateLimit? = RateLimit(perSecond: 1_000, burst: 1_000)
        ) {
            self.serverVersion = serverVersion
            self.versions = versions
            self.heartBeat = heartBeat
            self.heartBeatTimeoutFactor = heartBeatTimeoutFactor
            self.maxSubscriptions = maxSubscriptions
            self.maxUnackedMessages = maxUnackedMessages
            self.maxOpenTransactions = maxOpenTransactions
            self.maxTransactionFrames = maxTransactionFrames
            self.maxTransactionBytes = maxTransactionBytes
            self.limits = limits
            self.connectTimeout = connectTimeout
            self.sendRate = sendRate
        }
    }
}
