import Broker
import NIOCore
import STOMP
import Testing

@Suite("Ack modes: delivery pauses at the unacknowledged limit and resumes on ACK")
struct AckModeTests {
    @Test("a client-individual subscription parks past its limit; acknowledgements release in order")
    func parkAndRelease() throws {
        var broker = Broker.test()
        try broker.add(
            "s",
            .init(id: "c", topic: .orders, ackMode: .clientIndividual, maxUnackedMessages: 2),
            .init(id: "a", topic: .orders)
        )
        for position in Int64(1)...5 {
            _ = broker.publish(.row(.orders, position))
        }

        let first = broker.drainAll("s")
        let afterOne = broker.acknowledged(.init(subscription: "c", ackIDs: ["1-c"]), session: "s")
        let second = broker.drainAll("s")
        let afterTwo = broker.acknowledged(.init(subscription: "c", ackIDs: ["2-c", "3-c"]), session: "s")
        let third = broker.drainAll("s")

        #expect(first.compactMap(\.messageID) == ["1-c", "1-a", "2-c", "2-a", "3-a", "4-a", "5-a"])
        #expect(afterOne == [.drain(session: "s")])
        #expect(second.compactMap(\.ackID) == ["3-c"])
        #expect(afterTwo == [.drain(session: "s")])
        #expect(third.compactMap(\.ackID) == ["4-c", "5-c"])
        #expect(broker.heldFrames(session: "s") == 0)
    }

    @Test("an acknowledgement of an unknown subscription or with nothing parked queues nothing")
    func nothingToRelease() throws {
        var broker = Broker.test()
        try broker.add("s", .init(id: "c", topic: .orders, ackMode: .client, maxUnackedMessages: 5))
        _ = broker.publish(.row(.orders, 1))
        _ = broker.drainAll("s")

        #expect(broker.acknowledged(.init(subscription: "c", ackIDs: ["1-c"]), session: "s") == [])
        #expect(broker.acknowledged(.init(subscription: "zz", ackIDs: ["1-zz"]), session: "s") == [])
    }

    @Test("parked messages count against the session's budget: overflowing them is a slow consumer")
    func parkedOverflow() throws {
        var broker = Broker.test(.init(maxQueuedFrames: 3))
        try broker.add("s", .init(id: "c", topic: .orders, ackMode: .client, maxUnackedMessages: 1))

        let actions = (1...4).flatMap { broker.publish(.row(.orders, Int64($0))) }

        #expect(
            actions == [
                .drain(session: "s"),
                .disconnect(session: "s", .slowConsumer(maxQueuedFrames: 3, maxQueuedBytes: 8 << 20)),
            ]
        )
    }

    @Test("with a real STOMPSession: canDeliver holds for every frame handed out, ACKs reopen delivery",
        arguments: STOMPVersion.allCases)
    func withSession(version: STOMPVersion) throws {
        var session = STOMPSession(id: "s", configuration: .init(serverVersion: "0.1.0", maxUnackedMessages: 3), openedAt: .now())
        let accept = version == .v1_0 ? "" : "accept-version:\(version.rawValue)\n"
        _ = session.receive(ByteBuffer(string: "CONNECT\n\(accept)\n\0"), now: .uptimeNanoseconds(0))
        _ = session.authenticated()
        _ = session.receive(ByteBuffer(string: "SUBSCRIBE\nid:0\ndestination:/topic/orders\nack:client\n\n\0"), now: .uptimeNanoseconds(0))
        _ = session.completed(.init(rawValue: 0))
        var broker = Broker.test()
        try broker.add(
            "s",
            version: session.version,
            .init(id: "0", topic: .orders, ackMode: .client, maxUnackedMessages: session.configuration.maxUnackedMessages)
        )
        for position in Int64(1)...8 {
            _ = broker.publish(.row(.orders, position))
        }

        var written: [String] = []
        func writeAll() {
            for delivery in broker.drainAll("s") {
                #expect(session.canDeliver(subscription: delivery.subscription))
                session.delivered(subscription: delivery.subscription, ackID: delivery.ackID!)
                written.append(delivery.ackID!)
            }
        }
        writeAll()
        #expect(written == ["1-0", "2-0", "3-0"])
        #expect(!session.canDeliver(subscription: "0"))

        let ackFrame = version == .v1_2 ? "ACK\nid:2-0\n\n\0" : "ACK\nsubscription:0\nmessage-id:2-0\n\n\0"
        for action in session.receive(ByteBuffer(string: ackFrame), now: .uptimeNanoseconds(0)) {
            if case .ack(let acknowledgement) = action {
                #expect(broker.acknowledged(acknowledgement, session: "s") == [.drain(session: "s")])
            }
        }
        writeAll()
        #expect(written == ["1-0", "2-0", "3-0", "4-0", "5-0"])
    }
}
