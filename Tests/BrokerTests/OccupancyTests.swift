import Broker
import Testing

@Suite("What the broker holds now")
struct OccupancyTests {
    @Test("subscriptions are counted by topic; a topic without any is absent")
    func subscriptionCounts() throws {
        var broker = Broker.test()
        try broker.add("s", .init(id: "a", topic: .orders), .init(id: "b", topic: .orders))
        try broker.add("t", .init(id: "a", topic: .chat))
        #expect(broker.subscriptionCounts == [.orders: 2, .chat: 1])

        _ = broker.unsubscribe(session: "t", id: "a")
        broker.removeSession("s")

        #expect(broker.subscriptionCounts.isEmpty)
    }
}
