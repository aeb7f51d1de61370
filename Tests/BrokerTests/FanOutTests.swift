import Broker
import NIOCore
import STOMP
import Testing

@Suite("Fan-out: byte for byte what STOMPFrame.encode writes")
struct FanOutTests {
    /// Subscription ids with every escapable byte, UTF-8 and the `-` of message ids.
    static let awkwardIDs = ["0", "sub-1", "a:b\\c\nd\re", "ünï-çødé"]

    @Test("every subscription of every session and version gets the exact frame")
    func manySessionsAndVersions() throws {
        var broker = Broker.test()
        var expected: [String: [[UInt8]]] = [:]
        let event = BrokerEvent.row(.orders, 42, headers: ["x-trace": "t:1\\2\n3\r", "priority": "9"])
        for (index, version) in STOMPVersion.allCases.enumerated() {
            for sessionNumber in 0..<5 {
                let session = "s-\(index)-\(sessionNumber)"
                try broker.addSession(session, version: version)
                for (modeIndex, id) in Self.awkwardIDs.enumerated() {
                    let mode = STOMPSession.AckMode.allCases[modeIndex % 3]
                    try broker.subscribe(session: session, .init(id: id, topic: .orders, ackMode: mode))
                    expected[session, default: []].append(event.expectedBytes(subscription: id, ackMode: mode, version: version))
                }
            }
        }

        let actions = broker.publish(event)

        #expect(Set(actions) == Set(expected.keys.map { Broker.Action.drain(session: $0) }))
        #expect(actions.count == expected.count)
        for (session, frames) in expected {
            #expect(broker.drainAll(session).map(\.bytes) == frames, "session \(session)")
        }
    }

    @Test("a binary body with NULs and an empty body are framed with their true content-length",
        arguments: STOMPVersion.allCases)
    func bodies(version: STOMPVersion) throws {
        var broker = Broker.test()
        try broker.add("s", version: version, .init(id: "0", topic: .orders))
        let binary = BrokerEvent.row(.orders, 1, body: ByteBuffer(bytes: [0, 1, 0, 255]))
        let empty = BrokerEvent.row(.orders, 2, operation: .delete, body: ByteBuffer())

        _ = broker.publish(binary)
        _ = broker.publish(empty)

        #expect(
            broker.drainAll("s").map(\.bytes) == [
                binary.expectedBytes(subscription: "0", version: version),
                empty.expectedBytes(subscription: "0", version: version),
            ]
        )
    }

    @Test("a 1.2 client subscription's frame, spelled out")
    func spelledOut() throws {
        var broker = Broker.test()
        try broker.add("s", .init(id: "sub-0", topic: .orders, ackMode: .client))
        _ = broker.publish(.row(.orders, 1042, operation: .update, headers: ["x-app": "a:b"]))

        let delivery = try #require(broker.drainAll("s").first)

        #expect(
            delivery.text == "MESSAGE\nsubscription:sub-0\nmessage-id:1042-sub-0\nack:1042-sub-0\n"
                + "destination:/topic/orders\ncontent-type:application/json\ncontent-length:10\n"
                + "position:1042\nop:UPDATE\ncommitted-at:2025-01-31T12\\c00\\c00.000001Z\nx-app:a\\cb\n\n"
                + #"{"n":1042}"# + "\0"
        )
        #expect(delivery.subscription == "sub-0")
        #expect(delivery.ackID == "1042-sub-0")
    }

    @Test("only subscriptions of the event's topic receive it")
    func topicsAreSeparate() throws {
        var broker = Broker.test()
        try broker.add("s", .init(id: "o", topic: .orders), .init(id: "c", topic: .chat))

        _ = broker.publish(.row(.chat, 1, operation: .event))

        #expect(broker.drainAll("s").map(\.subscription) == ["c"])
    }

    @Test("reserved names among an event's user headers are dropped; the others keep their order")
    func reservedHeaders() {
        let event = BrokerEvent.row(
            .chat,
            1,
            headers: ["destination": "/topic/x", "b": "1", "receipt": "r", "message-id": "m", "a": "2", "position": "0"]
        )

        #expect(event.headers == ["b": "1", "a": "2"])
    }

    @Test("a topic without subscribers costs no encoding")
    func noSubscribers() {
        var broker = Broker.test()

        #expect(broker.publish(.row(.orders, 1)) == [])
        #expect(broker.metrics.sharedEncodings == 0)
        #expect(broker.metrics.eventsPublished == 1)
    }
}
