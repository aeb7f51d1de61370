import NIOCore
@testable import STOMP

/// Drives a `STOMPSession` with the input as the client's bytes, answering its actions as
/// an owner would (authentication, completions and failures, deliveries, writes, timer
/// ticks, all chosen from the input), and checks that:
///
/// - an `ERROR` write is followed by a close, and a close ends its batch of actions;
/// - after a close nothing else comes out of the session, whatever it is told;
/// - the parser inside holds no more than one frame's worth of bytes plus one chunk: what
///   is left of the chunk in which reading stopped (after `DISCONNECT`, the session reads no
///   further and drops the rest at close), never an accumulation of chunks.
struct SessionCheck {
    /// A tight configuration, so short inputs reach every session limit.
    static let tight = STOMPSession.Configuration(
        serverVersion: "fuzz",
        heartBeat: STOMPHeartBeat(send: 5, receive: 5),
        maxSubscriptions: 2,
        maxUnackedMessages: 2,
        maxOpenTransactions: 1,
        maxTransactionFrames: 2,
        limits: ParserCheck.tinyLimits
    )

    /// Time steps between events: none, a little, past a heart-beat, past a timeout, forever.
    private static let steps: [TimeAmount] = [.zero, .milliseconds(3), .seconds(11), .seconds(25), .hours(24 * 365 * 100)]

    private var session: STOMPSession
    private var choices: Choices
    private var now = NIODeadline.uptimeNanoseconds(1_000_000_000)
    private var closed = false
    private var authenticationPending = false
    private var operations: [STOMPSession.OperationID] = []
    private var subscriptions: [String] = []
    private var deliveries = 0
    private var largestChunk = 0

    static func run(_ input: FuzzInput) {
        for (stream, configuration) in [(2, STOMPSession.Configuration(serverVersion: "fuzz")), (3, Self.tight)] {
            var check = SessionCheck(
                session: STOMPSession(id: "fuzz", configuration: configuration),
                choices: input.choices(UInt64(stream))
            )
            check.drive(input)
        }
    }

    private init(session: STOMPSession, choices: Choices) {
        self.session = session
        self.choices = choices
    }

    private mutating func drive(_ input: FuzzInput) {
        for chunk in input.chunks(&self.choices) {
            self.advanceTime()
            self.largestChunk = max(self.largestChunk, chunk.readableBytes)
            self.perform(self.session.receive(chunk, now: self.now))
            self.checkParserBound()
            self.answer()
            self.advanceTime()
            self.perform(self.session.tick(now: self.now))
            if let deadline = self.session.nextTick, self.choices.oneIn(2) {
                self.now = max(self.now, deadline)
                self.perform(self.session.tick(now: self.now))
            }
        }
        if !self.closed {
            self.perform(self.session.terminate(message: "fuzz", detail: "end of input"))
            require(self.closed, "terminate did not close")
        }
        self.perform(self.session.receive(ByteBuffer(string: "SEND\ndestination:/a\n\n\0"), now: self.now))
        self.perform(self.session.tick(now: .distantFuture))
        self.answer()
        self.session.connectionClosed()
    }

    /// Answers what the owner was asked, in an order and with outcomes from the input.
    private mutating func answer() {
        if self.authenticationPending, !self.choices.oneIn(4) {
            self.authenticationPending = false
            self.perform(
                self.choices.oneIn(8)
                    ? self.session.authenticationFailed(message: "fuzz", detail: "refused")
                    : self.session.authenticated()
            )
        }
        while !self.operations.isEmpty, !self.choices.oneIn(4) {
            let operation = self.operations.remove(at: self.choices.below(self.operations.count))
            self.perform(
                self.choices.oneIn(8)
                    ? self.session.failed(operation, message: "fuzz", detail: "refused")
                    : self.session.completed(operation)
            )
        }
        for subscription in self.subscriptions where self.choices.oneIn(2) {
            if self.session.canDeliver(subscription: subscription) {
                self.session.delivered(subscription: subscription, ackID: String(self.deliveries))
                self.deliveries += 1
            }
            require(!self.closed || !self.session.canDeliver(subscription: subscription), "deliverable after close")
        }
    }

    private mutating func perform(_ actions: [STOMPSession.Action]) {
        require(!self.closed || actions.isEmpty, "\(actions.count) actions after close: \(actions)")
        for (index, action) in actions.enumerated() {
            switch action {
            case .write(let bytes):
                if bytes.readableBytesView.starts(with: "ERROR\n".utf8) {
                    let next = actions.dropFirst(index + 1).first
                    guard case .close = next else {
                        require(false, "ERROR not followed by close but by \(String(describing: next))")
                        return
                    }
                }
                if self.choices.oneIn(2) {
                    self.session.didWrite(now: self.now)
                }
            case .authenticate:
                self.authenticationPending = true
            case .subscribe(let subscription, let operation):
                self.subscriptions.append(subscription.id)
                self.operations.append(operation)
            case .publish(_, let operation), .commit(_, let operation):
                self.operations.append(operation)
            case .close:
                require(index == actions.count - 1, "close is not the last action of its batch")
                self.closed = true
            case .unsubscribe, .ack, .nack, .resumeDelivery:
                break
            }
        }
    }

    /// The session's parser may hold one frame's worth and the rest of one chunk.
    private func checkParserBound() {
        let held = self.session.parser.bufferedByteCount
        let bound = ParserCheck.bound(self.session.configuration.limits) + self.largestChunk
        require(held <= bound, "session parser holds \(held) bytes, over \(bound), in state \(self.session.state)")
    }

    private mutating func advanceTime() {
        self.now = self.now + Self.steps[self.choices.below(Self.steps.count)]
    }
}
