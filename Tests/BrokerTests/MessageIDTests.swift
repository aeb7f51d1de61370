import Broker
import Testing

@Suite("Message ids")
struct MessageIDTests {
    @Test("message ids are <position>-<subscription>, unique in a session even for look-alike subscription ids")
    func unique() throws {
        let ids = ["a", "a-1", "1", "1-a", "-", "1-", "gap-1-1", "gap"]
        var broker = Broker.test(.init(maxQueuedFrames: ids.count * 4, slowConsumerPolicy: .dropWithGapNotice))
        try broker.addSession("s", version: .v1_0)
        for id in ids {
            try broker.subscribe(session: "s", .init(id: id, topic: .orders))
        }
        for position in [1, 11, 12, 111] as [Int64] {
            _ = broker.publish(.row(.orders, position))
        }
        _ = broker.publish(.row(.orders, 1_000))

        let messageIDs = broker.drainAll("s").compactMap(\.messageID)

        #expect(messageIDs.count == ids.count * 5)
        #expect(Set(messageIDs).count == messageIDs.count)
        #expect(messageIDs.prefix(ids.count) == ids.map { "1-\($0)" }[...])
        #expect(messageIDs.filter { $0.hasPrefix("gap-") }.count == ids.count)
    }
}
