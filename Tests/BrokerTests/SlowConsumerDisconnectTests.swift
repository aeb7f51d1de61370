import Broker
import NIOCore
import Testing

@Suite("Bounded queues: the disconnect policy")
struct SlowConsumerDisconnectTests {
    @Test("past the frame limit the slow session is dropped and reported; the fast one gets everything")
    func frameLimit() throws {
        var broker = Broker.test(.init(maxQueuedFrames: 3))
        try broker.add("slow", .init(id: "0", topic: .orders))
        try broker.add("fast", .init(id: "0", topic: .orders))
        var fastFrames: [Delivery] = []

        var actions: [Broker.Action] = []
        for position in Int64(1)...5 {
            actions += broker.publish(.row(.orders, position))
            fastFrames += broker.drainAll("fast")
        }

        let error = BrokerError.slowConsumer(maxQueuedFrames: 3, maxQueuedBytes: 8 << 20)
        #expect(
            actions == [
                .drain(session: "slow"), .drain(session: "fast"), .drain(session: "fast"), .drain(session: "fast"),
                .disconnect(session: "slow", error), .drain(session: "fast"), .drain(session: "fast"),
            ]
        )
        #expect(error.message == "slow consumer")
        #expect(fastFrames.compactMap(\.messageID) == ["1-0", "2-0", "3-0", "4-0", "5-0"])
        #expect(broker.drain(session: "slow", maxBytes: .max) == broker.drain(session: "unknown", maxBytes: .max))
        #expect(broker.heldFrames(session: "slow") == 0)
        #expect(broker.metrics.slowConsumerDisconnects == 1)
        #expect(broker.metrics.droppedMessages == 4)
    }

    @Test("past the byte limit the session is dropped")
    func byteLimit() throws {
        let frameSize = BrokerEvent.row(.orders, 1).expectedBytes(subscription: "0", version: .v1_2).count
        var broker = Broker.test(.init(maxQueuedBytes: 2 * frameSize))
        try broker.add("slow", .init(id: "0", topic: .orders))

        let accepted = broker.publish(.row(.orders, 1)) + broker.publish(.row(.orders, 2))
        let refused = broker.publish(.row(.orders, 3))

        #expect(accepted == [.drain(session: "slow")])
        #expect(refused == [.disconnect(session: "slow", .slowConsumer(maxQueuedFrames: 10_000, maxQueuedBytes: 2 * frameSize))])
    }

    @Test("a session holding nothing takes one frame larger than the byte limit")
    func oversizedFirstFrame() throws {
        var broker = Broker.test(.init(maxQueuedBytes: 16))
        try broker.add("s", .init(id: "0", topic: .orders))

        #expect(broker.publish(.row(.orders, 1, body: ByteBuffer(repeating: 1, count: 1_000))) == [.drain(session: "s")])
        #expect(broker.drainAll("s").count == 1)
        #expect(broker.publish(.row(.orders, 2)) == [.drain(session: "s")])
    }

    @Test("a dropped session's id can be removed again safely and reused")
    func afterDisconnect() throws {
        var broker = Broker.test(.init(maxQueuedFrames: 1))
        try broker.add("s", .init(id: "0", topic: .orders))
        _ = broker.publish(.row(.orders, 1))
        _ = broker.publish(.row(.orders, 2))

        broker.removeSession("s")
        try broker.add("s", .init(id: "0", topic: .orders))

        #expect(broker.publish(.row(.orders, 3)) == [.drain(session: "s")])
    }
}
