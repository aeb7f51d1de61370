import Broker
import STOMP
import Testing

@Suite("Filters")
struct FilterTests {
    @Test("each subscription gets only the events its filter accepts")
    func filters() throws {
        var broker = Broker.test()
        try broker.add(
            "s",
            .init(id: "inserts", topic: .orders, filter: OperationFilter(operations: [.insert])),
            .init(id: "changes", topic: .orders, filter: OperationFilter(operations: [.update, .delete])),
            .init(id: "all", topic: .orders)
        )
        let events: [BrokerEvent] = [.row(.orders, 1), .row(.orders, 2, operation: .update), .row(.orders, 3, operation: .delete)]

        for event in events {
            _ = broker.publish(event)
        }

        #expect(
            broker.drainAll("s").compactMap(\.messageID)
                == ["1-inserts", "1-all", "2-changes", "2-all", "3-changes", "3-all"]
        )
    }

    @Test("an event no subscriber accepts is not encoded")
    func refusedEverywhere() throws {
        var broker = Broker.test()
        try broker.add("s", .init(id: "0", topic: .orders, filter: OperationFilter(operations: [])))

        #expect(broker.publish(.row(.orders, 1)) == [])
        #expect(broker.metrics.sharedEncodings == 0)
        #expect(broker.heldFrames(session: "s") == 0)
    }
}
