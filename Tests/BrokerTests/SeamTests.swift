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
}
