import Broker
import NIOCore
import STOMP
import Testing

@Suite("Old rows: bodies {\"row\",\"old_row\"} for subscriptions that ask, the row for the others")
struct OldRowTests {
    static let update = BrokerEvent(
        topic: .orders, position: 9, operation: .update, committedAt: "2025-01-31T12:00:00.000001Z",
        body: ByteBuffer(string: #"{"id": 7, "status": "paid"}"#), oldRow: ByteBuffer(string: #"{"id": 7, "status": "open"}"#))

    @Test("an UPDATE with its old row, spelled out, next to a subscription that did not ask")
    func spelledOut() throws {
        var broker = Broker.test()
        try broker.add("s", .init(id: "old", topic: .orders, includesOldRow: true), .init(id: "new", topic: .orders))

        _ = broker.publish(Self.update)

        let body = #"{"row":{"id": 7, "status": "paid"},"old_row":{"id": 7, "status": "open"}}"#
        #expect(
            broker.drainAll("s").map(\.text) == [
                "MESSAGE\nsubscription:old\nmessage-id:9-old\ndestination:/topic/orders\ncontent-type:application/json\n"
                    + "content-length:\(body.utf8.count)\nposition:9\nop:UPDATE\ncommitted-at:2025-01-31T12\\c00\\c00.000001Z\n\n"
                    + body + "\0",
                "MESSAGE\nsubscription:new\nmessage-id:9-new\ndestination:/topic/orders\ncontent-type:application/json\n"
                    + "content-length:27\nposition:9\nop:UPDATE\ncommitted-at:2025-01-31T12\\c00\\c00.000001Z\n\n"
                    + #"{"id": 7, "status": "paid"}"# + "\0",
            ]
        )
    }

    @Test("every row change gets the same shape, with a null old_row where none is kept", arguments: [
        (BrokerEvent.Operation.insert, #"{"row":{"n":1},"old_row":null}"#),
        (.update, #"{"row":{"n":1},"old_row":null}"#),
        (.delete, #"{"row":{"n":1},"old_row":null}"#),
    ])
    func shapeForEveryOperation(operation: BrokerEvent.Operation, body: String) throws {
        var broker = Broker.test()
        try broker.add("s", .init(id: "0", topic: .orders, includesOldRow: true))

        _ = broker.publish(.row(.orders, 1, operation: operation))

        let delivery = try #require(broker.drainAll("s").first)
        #expect(delivery.text.hasSuffix("content-length:\(body.utf8.count)\nposition:1\nop:\(operation.rawValue)\n"
            + "committed-at:2025-01-31T12\\c00\\c00.000001Z\n\n\(body)\0"))
    }

    @Test("an application event keeps its body and shares the tail of subscriptions that did not ask")
    func applicationEventsAreUnchanged() throws {
        var broker = Broker.test()
        try broker.add("s", .init(id: "old", topic: .chat, includesOldRow: true), .init(id: "new", topic: .chat))
        let event = BrokerEvent.row(.chat, 3, operation: .event, body: ByteBuffer(bytes: [0, 1, 2]))

        _ = broker.publish(event)

        #expect(broker.drainAll("s").map(\.bytes) == [
            event.expectedBytes(subscription: "old", version: .v1_2), event.expectedBytes(subscription: "new", version: .v1_2),
        ])
        #expect(broker.metrics.sharedEncodings == 1)
    }

    @Test("tails are encoded once per version and body form in use")
    func encodingsPerForm() throws {
        var broker = Broker.test()
        for number in 0..<20 {
            try broker.add("s-\(number)", .init(id: "0", topic: .orders, includesOldRow: number % 2 == 0))
        }

        _ = broker.publish(Self.update)

        #expect(broker.metrics.sharedEncodings == 2)
    }

    @Test("a replay carries old rows as live delivery does")
    func replayed() throws {
        var broker = Broker.test()
        try broker.add("s", .init(id: "0", topic: .orders, isReplaying: true, includesOldRow: true))

        _ = broker.replay([Self.update], session: "s", subscription: "0")

        let delivery = try #require(broker.drainAll("s").first)
        #expect(delivery.text.hasSuffix("\n\n" + #"{"row":{"id": 7, "status": "paid"},"old_row":{"id": 7, "status": "open"}}"# + "\0"))
    }
}
