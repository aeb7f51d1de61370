import NIOCore

/// The server side of one STOMP connection as a state machine: events in, actions out.
///
/// The session never performs I/O and never reads a clock. Its owner (a WebSocket or TCP
/// handler) feeds it what happened and performs the ``Action``s it returns, in order:
///
/// - bytes from the client: ``receive(_:now:)`` (the session owns the ``STOMPParser``);
/// - ``Action/authenticate(login:passcode:headers:)``: answer ``authenticated()`` or
///   ``authenticationFailed(message:detail:)``;
/// - ``Action/subscribe(_:_:)``, ``Action/publish(_:_:)``, ``Action/commit(_:_:)``: answer
///   ``completed(_:)`` or ``failed(_:message:detail:)`` with the action's ``OperationID``,
///   in any order;
/// - every write to the client (the session's ``Action/write(_:)`` and the broker's
///   `MESSAGE` frames): ``didWrite(now:)``;
/// - a timer at ``nextTick``: ``tick(now:)`` (heart-beats, the end of a session whose
///   credentials expire, and of a connection that never sent `CONNECT`);
/// - each `MESSAGE` that needs an ACK: ``delivered(subscription:ackID:)``; before each
///   delivery: ``canDeliver(subscription:)``; ``Action/resumeDelivery(subscription:)`` says
///   when a paused subscription may go on;
/// - shutdown or a slow consumer: ``terminate(message:detail:)``;
/// - the connection is gone, whoever closed it: ``connectionClosed()``; the owner then
///   removes the session's subscriptions from the broker.
///
/// Frames the session produces come encoded with the negotiated ``version`` in
/// ``Action/write(_:)``, ready to send. Receipts are answered in frame order and only once
/// the frame took effect: a `SUBSCRIBE`, a `SEND` outside a transaction and a `COMMIT`
/// take effect when the owner completes them; every other frame at once. Later frames are
/// handled while earlier ones are pending; only their receipts wait. Every error answers
/// with exactly one `ERROR` frame (with `receipt-id` when the offending frame had a
/// `receipt`) and a close; nothing follows.
///
/// ```swift
/// var session = STOMPSession(id: "s-1", configuration: .init(serverVersion: "0.1.0"), openedAt: .now())
/// for action in session.receive(bytes, now: .now()) {
///     switch action {
///     case .write(let bytes): channel.write(bytes)
///     case .subscribe(let subscription, let operation): broker.subscribe(subscription, operation)
///     default: break
///     }
/// }
/// ```
public struct STOMPSession: Sendable {
    /// The session's id, sent in the `CONNECTED` frame's `session` header.
    public let id: String
    /// The limits and wishes this session runs with.
    public let configuration: Configuration
    /// The negotiated heart-beat intervals; both `0` until a `CONNECT` negotiates them, and
    /// always `0` for STOMP 1.0.
    public internal(set) var heartBeat = STOMPHeartBeatIntervals(clientToServer: 0, serverToClient: 0)

    /// Where the session is in its life.
    var state = State.awaitingConnect
    /// The connection's parser; its version is the negotiated one.
    var parser: STOMPParser
    /// The subscriptions by id, pending ones included.
    var subscriptions: [String: Subscription] = [:]
    /// Messages delivered to `client` and `client-individual` subscriptions, not yet acked.
    var unacked = UnackedMessages()
    /// The open transactions by id.
    var transactions: [String: OpenTransaction] = [:]
    /// The frames waiting for their effect or for an earlier frame's receipt.
    var receipts = ReceiptQueue()
    /// The acknowledgements of committing transactions, applied once the commit completes.
    var committingAcknowledgements: [OperationID: [AckRequest]] = [:]
    /// The raw value of the next ``OperationID``.
    var nextOperation: UInt64 = 0
    /// When bytes last arrived from the client.
    var lastReceived = NIODeadline.uptimeNanoseconds(0)
    /// When bytes last went to the client.
    var lastWritten = NIODeadline.uptimeNanoseconds(0)
    /// When the credentials the session was opened with expire, if they do.
    var credentialsExpiry: NIODeadline?
    /// When the connection must be `CONNECTED` by, if the configuration limits it.
    let connectDeadline: NIODeadline?
    /// What is left of the `SEND` rate limit, if the configuration sets one.
    var sendAllowance: TokenBucket?
    /// The frames parsed from the client, by command.
    public internal(set) var framesReceived = STOMPFrameCounts()
    /// The frames the session encoded for the client (`CONNECTED`, `RECEIPT`, `ERROR`), by
    /// command; heart-beats are not frames and the broker's `MESSAGE` frames are not the
    /// session's.
    public internal(set) var framesSent = STOMPFrameCounts()

    /// Creates the session of a new connection, waiting for `CONNECT` or `STOMP`.
    ///
    /// ```swift
    /// var session = STOMPSession(id: UUID().uuidString, configuration: configuration, openedAt: .now())
    /// ```
    ///
    /// - Parameters:
    ///   - id: The session id for the `CONNECTED` frame's `session` header.
    ///   - configuration: The limits and heart-beat wishes.
    ///   - openedAt: When the connection opened; ``Configuration/connectTimeout`` counts from it.
    public init(id: String, configuration: Configuration, openedAt: NIODeadline) {
        self.id = id
        self.configuration = configuration
        self.parser = STOMPParser(limits: configuration.limits)
        self.connectDeadline = configuration.connectTimeout.map { openedAt + $0 }
        self.sendAllowance = configuration.sendRate.map(TokenBucket.init)
    }

    /// The version frames are encoded with: 1.0 until a `CONNECT` negotiates another.
    ///
    /// The broker encodes `MESSAGE` frames for this session with it.
    public var version: STOMPVersion {
        self.parser.version
    }

    /// The subscription with an id, whether its subscribing completed or not.
    ///
    /// ```swift
    /// session.subscription(id: "sub-0")?.destination // "/topic/orders"
    /// ```
    ///
    /// - Parameters:
    ///   - id: The subscription id (for STOMP 1.0 without `id` header: the destination).
    public func subscription(id: String) -> Subscription? {
        self.subscriptions[id]
    }

    /// Hands out a fresh operation id.
    mutating func makeOperationID() -> OperationID {
        defer { self.nextOperation += 1 }
        return OperationID(rawValue: self.nextOperation)
    }
}
