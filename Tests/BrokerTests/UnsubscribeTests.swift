import Broker
import Testing

@Suite("Subscription and session lifecycle")
struct UnsubscribeTests {
    @Test("unsubscribing removes that subscription's queued frames only, and later events skip it")
    func unsubscribe() throws {
        var broker = Broker.test()
        try broker.add("s", .init(id: "a", topic: .orders), .init(id: "b", topic: .orders))
        _ = broker.publish(.row(.orders, 1))
        _ = broker.publish(.row(.orders, 2))

        #expect(broker.unsubscribe(session: "s", id: "a") == [])
        _ = broker.publish(.row(.orders, 3))

        #expect(broker.drainAll("s").compactMap(\.messageID) == ["1-b", "2-b", "3-b"])
        #expect(broker.unsubscribe(session: "s", id: "a") == [])
    }

    @Test("unsubscribing releases parked frames from the session's budget")
    func parked() throws {
        var broker = Broker.test()
        try broker.add("s", .init(id: "c", topic: .orders, ackMode: .client, maxUnackedMessages: 1))
        for position in Int64(1)...3 {
            _ = broker.publish(.row(.orders, position))
        }
        #expect(broker.heldFrames(session: "s") == 3)

        _ = broker.unsubscribe(session: "s", id: "c")

        #expect(broker.heldFrames(session: "s") == 0)
    }

    @Test("a subscription id can be reused after unsubscribing")
    func resubscribe() throws {
        var broker = Broker.test()
        try broker.add("s", .init(id: "a", topic: .orders))
        _ = broker.unsubscribe(session: "s", id: "a")

        try broker.subscribe(session: "s", .init(id: "a", topic: .chat))
        _ = broker.publish(.row(.orders, 1))
        _ = broker.publish(.row(.chat, 2))

        #expect(broker.drainAll("s").compactMap(\.messageID) == ["2-a"])
    }

    @Test("removing a session removes its subscriptions and queue; other sessions keep theirs")
    func removeSession() throws {
        var broker = Broker.test()
        try broker.add("gone", .init(id: "0", topic: .orders), .init(id: "1", topic: .chat))
        try broker.add("kept", .init(id: "0", topic: .orders))
        _ = broker.publish(.row(.orders, 1))

        broker.removeSession("gone")

        #expect(broker.publish(.row(.chat, 2)) == [])
        #expect(broker.drainAll("gone").isEmpty)
        #expect(broker.drainAll("kept").compactMap(\.messageID) == ["1-0"])
    }

    @Test("lifecycle errors: unknown session, duplicate session, duplicate subscription id")
    func errors() throws {
        var broker = Broker.test()
        try broker.add("s", .init(id: "0", topic: .orders))

        #expect(throws: BrokerError.unknownSession("x")) { try broker.subscribe(session: "x", .init(id: "0", topic: .orders)) }
        #expect(throws: BrokerError.duplicateSession("s")) { try broker.addSession("s", version: .v1_2) }
        #expect(throws: BrokerError.duplicateSubscription(session: "s", id: "0")) {
            try broker.subscribe(session: "s", .init(id: "0", topic: .chat))
        }
    }
}
