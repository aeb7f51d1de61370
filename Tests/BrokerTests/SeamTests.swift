import Broker
import Testing

@Suite("The replay-to-live seam")
struct SeamTests {
    @Test("startAfter skips events at or before the replayed position, for that subscription only")
    func startAfter() throws {
        var broker = Broker.test()
        try broker.add("s", .init(id: "replayed", topic: .orders, startAfter: 11), .init(id: "live", topic: .orders))

        for position in Int64(10)...13 {
            _ = broker.publish(.row(.orders, position))
        }

        #expect(
            broker.drainAll("s").compactMap(\.messageID)
                == ["10-live", "11-live", "12-replayed", "12-live", "13-replayed", "13-live"]
        )
    }

    @Test("an event at or before the last one a subscription saw is never delivered twice")
    func noDuplicates() throws {
        var broker = Broker.test()
        try broker.add("s", .init(id: "0", topic: .orders, ackMode: .client))

        for position: Int64 in [5, 6, 6, 4, 7] {
            _ = broker.publish(.row(.orders, position))
        }

        #expect(broker.drainAll("s").map(\.ackID) == ["5-0", "6-0", "7-0"])
    }

    @Test("a replaying subscription takes only replayed events, then live ones after the replay, each once")
    func replayThenLive() throws {
        var broker = Broker.test()
        try broker.add("s", .init(id: "r", topic: .orders, startAfter: 9, isReplaying: true), .init(id: "live", topic: .orders))

        _ = broker.publish(.row(.orders, 10))
        _ = broker.replay([.row(.orders, 9), .row(.orders, 10), .row(.orders, 11)], session: "s", subscription: "r")
        _ = broker.publish(.row(.orders, 11))
        _ = broker.replay([.row(.orders, 11)], session: "s", subscription: "r")
        broker.endReplay(session: "s", subscription: "r", through: 12)
        for position in Int64(12)...13 {
            _ = broker.publish(.row(.orders, position))
        }

        #expect(
            broker.drainAll("s").compactMap(\.messageID)
                == ["10-live", "10-r", "11-r", "11-live", "12-live", "13-r", "13-live"]
        )
        #expect(broker.hasSubscription(session: "s", id: "r"))
        #expect(!broker.hasSubscription(session: "s", id: "other"))
    }
}
