import Broker
import STOMP
import Testing

@Suite("Bounded queues: the drop-with-gap-notice policy")
struct GapNoticeTests {
    static let configuration = Broker.Configuration(maxQueuedFrames: 2, slowConsumerPolicy: .dropWithGapNotice)

    @Test("messages past the limit are dropped; once drained, one gap notice names them; delivery resumes")
    func gapNotice() throws {
        var broker = Broker.test(Self.configuration)
        try broker.add("slow", .init(id: "0", topic: .orders))
        try broker.add("fast", .init(id: "0", topic: .orders))
        var fastFrames: [Delivery] = []
        for position in Int64(1)...5 {
            _ = broker.publish(.row(.orders, position))
            fastFrames += broker.drainAll("fast")
        }

        let first = broker.drain(session: "slow", maxBytes: .max)
        let second = broker.drain(session: "slow", maxBytes: .max)
        let resumed = broker.publish(.row(.orders, 6))

        #expect(fastFrames.compactMap(\.messageID) == ["1-0", "2-0", "3-0", "4-0", "5-0"])
        #expect(first.deliveries.compactMap(\.messageID) == ["1-0", "2-0"])
        #expect(first.hasMore)
        #expect(
            second.deliveries.map(\.text) == [
                "MESSAGE\nsubscription:0\nmessage-id:gap-3-5-0\ndestination:/topic/orders\ngap:true\n"
                    + "gap-first-position:3\ngap-last-position:5\ngap-dropped:3\n\n\0"
            ]
        )
        #expect(!second.hasMore)
        #expect(resumed == [.drain(session: "slow"), .drain(session: "fast")])
        #expect(broker.drainAll("slow").compactMap(\.messageID) == ["6-0"])
        #expect(broker.metrics.droppedMessages == 3)
        #expect(broker.metrics.gapNotices == 1)
        #expect(broker.metrics.slowConsumerDisconnects == 0)
    }

    @Test("the notice is escaped for the session's version and matches STOMPFrame.encode", arguments: STOMPVersion.allCases)
    func noticeEncoding(version: STOMPVersion) throws {
        var broker = Broker.test(.init(maxQueuedFrames: 1, slowConsumerPolicy: .dropWithGapNotice))
        try broker.add("s", version: version, .init(id: "a:b", topic: .chat))
        _ = broker.publish(.row(.chat, 1))
        _ = broker.publish(.row(.chat, 2))

        let frames = broker.drainAll("s")

        let notice = STOMPFrame(
            .message,
            headers: [
                "subscription": "a:b", "message-id": "gap-2-2-a:b", "destination": "/topic/chat.lobby", "gap": "true",
                "gap-first-position": "2", "gap-last-position": "2", "gap-dropped": "1",
            ]
        )
        #expect(frames.map(\.bytes).last == notice.encoded(version: version))
    }

    @Test("only the subscriptions that lost messages get a notice, each for its own positions")
    func perSubscription() throws {
        var broker = Broker.test(Self.configuration)
        try broker.add(
            "s",
            .init(id: "inserts", topic: .orders, filter: OperationFilter(operations: [.insert])),
            .init(id: "deletes", topic: .orders, filter: OperationFilter(operations: [.delete])),
            .init(id: "chat", topic: .chat)
        )
        _ = broker.publish(.row(.orders, 1))
        _ = broker.publish(.row(.orders, 2))
        _ = broker.publish(.row(.orders, 3))
        _ = broker.publish(.row(.orders, 4, operation: .delete))
        _ = broker.publish(.row(.orders, 5))

        #expect(broker.drainAll("s").compactMap(\.messageID) == ["1-inserts", "2-inserts", "gap-3-5-inserts", "gap-4-4-deletes"])
    }

    @Test("a parked client subscription's gap waits until its parked messages are acknowledged and drained")
    func parkedGap() throws {
        var broker = Broker.test(Self.configuration)
        try broker.add("s", .init(id: "0", topic: .orders, ackMode: .client, maxUnackedMessages: 1))
        _ = broker.publish(.row(.orders, 1))
        _ = broker.publish(.row(.orders, 2))
        _ = broker.publish(.row(.orders, 3))

        let beforeAck = broker.drainAll("s")
        let actions = broker.acknowledged(.init(subscription: "0", ackIDs: ["1-0"]), session: "s")
        let afterAck = broker.drainAll("s")

        #expect(beforeAck.compactMap(\.messageID) == ["1-0"])
        #expect(actions == [.drain(session: "s")])
        #expect(afterAck.compactMap(\.messageID) == ["2-0", "gap-3-3-0"])
    }
}
