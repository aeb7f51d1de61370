import NIOConcurrencyHelpers
import NIOCore
import STOMP

/// Sends the benchmark's SEND frames on the publisher connection, on a 1 ms timer.
///
/// Confined to the connection's event loop. Each tick sends what ``PublishPlan`` allows,
/// each SEND stamped with its sequence number and send instant, then flushes once.
final class Publisher {
    private static let tick = TimeAmount.milliseconds(1)

    private let handler: STOMPClientHandler
    private let plan: PublishPlan
    private let headers: STOMPHeaders
    private let deliveries: NIOLockedValueBox<Int>
    private let done: EventLoopPromise<PublishResult>
    private var sent = 0
    private var startedAt: UInt64 = 0

    private init(
        handler: STOMPClientHandler,
        plan: PublishPlan,
        destination: String,
        deliveries: NIOLockedValueBox<Int>,
        done: EventLoopPromise<PublishResult>
    ) {
        self.handler = handler
        self.plan = plan
        self.headers = ["destination": destination, "content-type": "application/json"]
        self.deliveries = deliveries
        self.done = done
    }

    /// Runs the send phase on `connection` and returns when it is over.
    ///
    /// - Parameters:
    ///   - connection: The publisher's connection, CONNECTed.
    ///   - plan: The pace.
    ///   - destination: Where to SEND.
    ///   - deliveries: All subscribers' first deliveries, for the saturation window.
    /// - Returns: What was sent and when.
    static func run(
        on connection: BrokerConnection,
        plan: PublishPlan,
        destination: String,
        deliveries: NIOLockedValueBox<Int>
    ) async throws -> PublishResult {
        let eventLoop = connection.channel.eventLoop
        let done = eventLoop.makePromise(of: PublishResult.self)
        connection.execute { handler in
            let publisher = Publisher(handler: handler, plan: plan, destination: destination, deliveries: deliveries, done: done)
            publisher.startedAt = NIODeadline.now().uptimeNanoseconds
            let bound = NIOLoopBound(publisher, eventLoop: eventLoop)
            eventLoop.scheduleRepeatedTask(initialDelay: .zero, delay: Self.tick) { task in
                bound.value.tick(task)
            }
        }
        return try await done.futureResult.get()
    }

    private func tick(_ task: RepeatedTask) {
        let now = NIODeadline.now().uptimeNanoseconds
        let elapsed = now - self.startedAt
        let delivered = self.deliveries.withLockedValue { $0 }
        let allowance = self.plan.allowance(sent: self.sent, delivered: delivered, elapsed: elapsed)
        for _ in 0..<allowance {
            self.send()
        }
        if allowance > 0 {
            self.handler.flush()
        }
        if self.plan.isFinished(sent: self.sent, elapsed: elapsed) || self.handler.failure != nil {
            task.cancel()
            self.done.succeed(PublishResult(sent: self.sent, startedAt: self.startedAt, endedAt: NIODeadline.now().uptimeNanoseconds))
        }
    }

    private func send() {
        var body = ByteBuffer()
        BenchPayload(sequence: UInt64(self.sent), sentAt: NIODeadline.now().uptimeNanoseconds).encode(into: &body)
        self.handler.send(STOMPFrame(.send, headers: self.headers, body: body))
        self.sent += 1
    }
}
