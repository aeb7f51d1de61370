import Broker
import Testing

@Suite("Draining: many frames per write, counted")
struct DrainTests {
    @Test("a drain takes frames up to maxBytes, at least one, and says whether more wait")
    func batches() throws {
        var broker = Broker.test()
        try broker.add("s", .init(id: "0", topic: .orders))
        for position in Int64(10)...19 {
            _ = broker.publish(.row(.orders, position))
        }
        let size = BrokerEvent.row(.orders, 10).expectedBytes(subscription: "0", version: .v1_2).count

        let three = broker.drain(session: "s", maxBytes: 3 * size + 1)
        let one = broker.drain(session: "s", maxBytes: 1)
        let rest = broker.drain(session: "s", maxBytes: .max)

        #expect(three.deliveries.count == 3)
        #expect(three.hasMore)
        #expect(one.deliveries.count == 1)
        #expect(rest.deliveries.count == 6)
        #expect(!rest.hasMore)
        #expect(broker.metrics.framesOut == 10)
        #expect(broker.metrics.bytesOut == 10 * size)
    }

    @Test("drain is asked for only when a session's queue goes from empty to non-empty")
    func drainActions() throws {
        var broker = Broker.test()
        try broker.add("s", .init(id: "0", topic: .orders), .init(id: "1", topic: .orders))

        #expect(broker.publish(.row(.orders, 1)) == [.drain(session: "s")])
        #expect(broker.publish(.row(.orders, 2)) == [])
        _ = broker.drainAll("s")
        #expect(broker.publish(.row(.orders, 3)) == [.drain(session: "s")])
    }

    @Test("an unknown session drains nothing")
    func unknown() {
        var broker = Broker.test()

        let drain = broker.drain(session: "nobody", maxBytes: .max)

        #expect(drain.deliveries.isEmpty)
        #expect(!drain.hasMore)
    }
}
