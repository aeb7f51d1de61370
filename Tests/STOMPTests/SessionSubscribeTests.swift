import STOMP
import Testing

@Suite("Subscribing and unsubscribing")
struct SessionSubscribeTests {
    @Test("SUBSCRIBE hands the owner every header, unescaped, and waits for it")
    func subscribe() throws {
        var session = STOMPSession.connected()
        let frame =
            "SUBSCRIBE\nid:0\ndestination:/topic/orders\nack:client\nselector:status=eq.open&amount=gt.100\n"
            + "from-position:42\nfrom-time:2024-01-01T00\\c00\\c00Z\n\n\0"
        let subscription = STOMPSession.Subscription(
            id: "0",
            destination: "/topic/orders",
            ackMode: .client,
            headers: [
                "id": "0", "destination": "/topic/orders", "ack": "client", "selector": "status=eq.open&amount=gt.100",
                "from-position": "42", "from-time": "2024-01-01T00:00:00Z",
            ]
        )
        #expect(session.receive(frame) == [.subscribe(subscription, .op(0))])
        #expect(session.subscription(id: "0") == subscription)
        #expect(subscription.selector == "status=eq.open&amount=gt.100")
        #expect(subscription.fromPosition == "42")
        #expect(subscription.fromTime == "2024-01-01T00:00:00Z")
        #expect(session.completed(.op(0)) == [])
    }

    @Test(
        "the ack header selects the mode; absent means auto",
        arguments: [
            (nil, STOMPSession.AckMode.auto), ("auto", .auto), ("client", .client), ("client-individual", .clientIndividual),
        ] as [(String?, STOMPSession.AckMode)]
    )
    func ackModes(header: String?, mode: STOMPSession.AckMode) {
        var session = STOMPSession.connected()
        let ackLine = header.map { "ack:\($0)\n" } ?? ""
        _ = session.receive("SUBSCRIBE\nid:0\ndestination:/topic/a\n\(ackLine)\n\0")
        #expect(session.subscription(id: "0")?.ackMode == mode)
    }

    @Test("an unknown ack mode is an error", arguments: ["Client", "individual", ""])
    func invalidAckMode(value: String) {
        var session = STOMPSession.connected()
        #expect(
            session.receive("SUBSCRIBE\nid:0\ndestination:/topic/a\nack:\(value)\nreceipt:9\n\n\0") == [
                .error(
                    "invalid ack mode",
                    "The ack mode '\(value)' is not one of auto, client, client-individual.",
                    receiptID: "9"
                ),
                .close(.invalidAckMode(value)),
            ]
        )
    }

    @Test(
        "destination is required, and id from 1.1 on",
        arguments: [
            (STOMPVersion.v1_2, "id:0", "destination"), (.v1_2, "destination:/topic/a", "id"),
            (.v1_1, "destination:/topic/a", "id"), (.v1_0, "id:0", "destination"),
        ]
    )
    func missingHeader(version: STOMPVersion, headers: String, missing: String) {
        var session = STOMPSession.connected(version)
        #expect(
            session.receive("SUBSCRIBE\n\(headers)\n\n\0") == [
                .error("missing \(missing) header", "A SUBSCRIBE frame needs a '\(missing)' header."),
                .close(.missingHeader(missing, command: .subscribe)),
            ]
        )
    }

    @Test("STOMP 1.0 without id: the destination is the id, also for UNSUBSCRIBE")
    func version10WithoutID() {
        var session = STOMPSession.connected(.v1_0)
        let subscription = STOMPSession.Subscription(
            id: "/topic/a",
            destination: "/topic/a",
            ackMode: .auto,
            headers: ["destination": "/topic/a"]
        )
        #expect(session.receive("SUBSCRIBE\ndestination:/topic/a\n\n\0") == [.subscribe(subscription, .op(0))])
        #expect(session.receive("UNSUBSCRIBE\ndestination:/topic/a\nreceipt:u\n\n\0") == [.unsubscribe(id: "/topic/a")])
        #expect(session.completed(.op(0)) == [.receipt("u")])
    }

    @Test("STOMP 1.0 with an id uses it")
    func version10WithID() {
        var session = STOMPSession.connected(.v1_0)
        _ = session.receive("SUBSCRIBE\nid:x\ndestination:/topic/a\n\n\0")
        #expect(session.subscription(id: "x")?.destination == "/topic/a")
        #expect(session.receive("UNSUBSCRIBE\nid:x\n\n\0") == [.unsubscribe(id: "x")])
    }

    @Test("a subscription id in use, pending or active, is an error")
    func duplicateID() {
        var session = STOMPSession.connected()
        _ = session.receive("SUBSCRIBE\nid:0\ndestination:/topic/a\n\n\0")
        #expect(
            session.receive("SUBSCRIBE\nid:0\ndestination:/topic/b\nreceipt:2\n\n\0") == [
                .error("duplicate subscription id", "The subscription id '0' is already in use in this session.", receiptID: "2"),
                .close(.duplicateSubscription("0")),
            ]
        )
    }

    @Test("an id is free again after UNSUBSCRIBE")
    func reuseAfterUnsubscribe() {
        var session = STOMPSession.connected()
        session.subscribeAndComplete("id:0\ndestination:/topic/a")
        #expect(session.receive("UNSUBSCRIBE\nid:0\nreceipt:u\n\n\0") == [.unsubscribe(id: "0"), .receipt("u")])
        #expect(session.subscription(id: "0") == nil)
        #expect(session.receive("SUBSCRIBE\nid:0\ndestination:/topic/b\n\n\0").count == 1)
        #expect(session.subscription(id: "0")?.destination == "/topic/b")
    }

    @Test("the subscription limit counts pending subscriptions and frees on UNSUBSCRIBE")
    func subscriptionLimit() {
        var session = STOMPSession.connected(configuration: STOMPSession.Configuration(serverVersion: "0.1.0", maxSubscriptions: 2))
        session.subscribeAndComplete("id:0\ndestination:/topic/a")
        _ = session.receive("SUBSCRIBE\nid:1\ndestination:/topic/a\n\n\0")
        _ = session.receive("UNSUBSCRIBE\nid:0\n\n\0")
        _ = session.receive("SUBSCRIBE\nid:2\ndestination:/topic/a\n\n\0")
        #expect(
            session.receive("SUBSCRIBE\nid:3\ndestination:/topic/a\nreceipt:r\n\n\0") == [
                .error(
                    "subscription count limit exceeded",
                    "The session's subscription count would exceed the limit of 2.",
                    receiptID: "r"
                ),
                .close(.limitExceeded(.subscriptions, maximum: 2)),
            ]
        )
    }

    @Test("UNSUBSCRIBE of an unknown id is an error")
    func unsubscribeUnknown() {
        var session = STOMPSession.connected()
        #expect(
            session.receive("UNSUBSCRIBE\nid:nope\nreceipt:5\n\n\0") == [
                .error("unknown subscription", "No subscription has the id 'nope'.", receiptID: "5"),
                .close(.unknownSubscription("nope")),
            ]
        )
    }

    @Test("UNSUBSCRIBE without id is an error from 1.1 on", arguments: [STOMPVersion.v1_1, .v1_2])
    func unsubscribeWithoutID(version: STOMPVersion) {
        var session = STOMPSession.connected(version)
        #expect(session.receive("UNSUBSCRIBE\ndestination:/topic/a\n\n\0").last == .close(.missingHeader("id", command: .unsubscribe)))
    }

    @Test("a refused subscription: ERROR with the SUBSCRIBE's receipt, then close")
    func subscribeFailed() {
        var session = STOMPSession.connected()
        _ = session.receive("SUBSCRIBE\nid:0\ndestination:/topic/secret\nreceipt:s\n\n\0")
        #expect(
            session.failed(.op(0), message: "access denied", detail: "No SUBSCRIBE on /topic/secret.") == [
                .error("access denied", "No SUBSCRIBE on /topic/secret.", receiptID: "s"),
                .close(.reported(message: "access denied", detail: "No SUBSCRIBE on /topic/secret.")),
            ]
        )
        #expect(session.subscription(id: "0") == nil)
    }
}
