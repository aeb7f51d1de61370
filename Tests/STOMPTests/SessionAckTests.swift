import STOMP
import Testing

@Suite("Acknowledgements and flow control")
struct SessionAckTests {
    /// A session of `version` with subscription `0` on `/topic/a` in `mode`, messages
    /// `m1`...`m<count>` delivered.
    static func session(
        _ version: STOMPVersion = .v1_2,
        mode: STOMPSession.AckMode,
        delivered count: Int = 3,
        maxUnacked: Int = 1_000
    ) -> STOMPSession {
        var session = STOMPSession.connected(
            version,
            configuration: STOMPSession.Configuration(serverVersion: "0.1.0", maxUnackedMessages: maxUnacked)
        )
        session.subscribeAndComplete("id:0\ndestination:/topic/a\nack:\(mode.rawValue)")
        for number in 1...count {
            session.delivered(subscription: "0", ackID: "m\(number)")
        }
        return session
    }

    static func ack(_ ackIDs: String...) -> STOMPSession.Action {
        .ack(STOMPSession.Acknowledgement(subscription: "0", ackIDs: ackIDs))
    }

    @Test("client mode is cumulative: ACK of m2 settles m1 and m2")
    func cumulative() {
        var session = Self.session(mode: .client)
        #expect(session.receive("ACK\nid:m2\nreceipt:a\n\n\0") == [Self.ack("m1", "m2"), .receipt("a")])
        #expect(session.receive("ACK\nid:m1\n\n\0") == [])
        #expect(session.receive("ACK\nid:m3\n\n\0") == [Self.ack("m3")])
    }

    @Test("client-individual mode settles only the named message")
    func individual() {
        var session = Self.session(mode: .clientIndividual)
        #expect(session.receive("ACK\nid:m2\n\n\0") == [Self.ack("m2")])
        #expect(session.receive("ACK\nid:m1\n\n\0") == [Self.ack("m1")])
        #expect(session.receive("ACK\nid:m2\n\n\0") == [])
    }

    @Test("NACK settles like ACK and is reported as nack")
    func nack() {
        var session = Self.session(mode: .client)
        #expect(session.receive("NACK\nid:m2\n\n\0") == [.nack(STOMPSession.Acknowledgement(subscription: "0", ackIDs: ["m1", "m2"]))])
    }

    @Test("STOMP 1.1 names message-id and subscription; another subscription settles nothing")
    func version11() {
        var session = Self.session(.v1_1, mode: .clientIndividual)
        #expect(session.receive("ACK\nmessage-id:m1\nsubscription:9\n\n\0") == [])
        #expect(session.receive("ACK\nmessage-id:m1\nsubscription:0\n\n\0") == [Self.ack("m1")])
    }

    @Test("STOMP 1.0 names message-id; subscription is optional")
    func version10() {
        var session = Self.session(.v1_0, mode: .clientIndividual)
        #expect(session.receive("ACK\nmessage-id:m1\n\n\0") == [Self.ack("m1")])
        #expect(session.receive("ACK\nmessage-id:m2\nsubscription:0\n\n\0") == [Self.ack("m2")])
    }

    @Test(
        "a missing header of the version's form is an error",
        arguments: [
            (STOMPVersion.v1_2, "ACK\nmessage-id:m1\nsubscription:0\n", "id"),
            (.v1_1, "ACK\nid:m1\nsubscription:0\n", "message-id"),
            (.v1_1, "NACK\nmessage-id:m1\n", "subscription"),
            (.v1_0, "ACK\nid:m1\n", "message-id"),
        ]
    )
    func missingHeader(version: STOMPVersion, frame: String, missing: String) {
        var session = Self.session(version, mode: .client)
        let command: STOMPCommand = frame.hasPrefix("ACK") ? .ack : .nack
        #expect(
            session.receive("\(frame)receipt:r\n\n\0") == [
                .error("missing \(missing) header", "A \(command.rawValue) frame needs a '\(missing)' header.", receiptID: "r"),
                .close(.missingHeader(missing, command: command)),
            ]
        )
    }

    @Test("an ack id that is not outstanding settles nothing and is no error")
    func unknownAckID() {
        var session = Self.session(mode: .client)
        #expect(session.receive("ACK\nid:never\nreceipt:r\n\n\0") == [.receipt("r")])
    }

    @Test("delivery pauses at the unacked limit and resumes when an ACK frees room")
    func pauseAndResume() {
        var session = Self.session(mode: .clientIndividual, delivered: 1, maxUnacked: 2)
        #expect(session.canDeliver(subscription: "0"))
        session.delivered(subscription: "0", ackID: "m2")
        #expect(!session.canDeliver(subscription: "0"))
        #expect(session.receive("ACK\nid:m2\n\n\0") == [Self.ack("m2"), .resumeDelivery(subscription: "0")])
        #expect(session.canDeliver(subscription: "0"))
        #expect(session.receive("ACK\nid:m1\n\n\0") == [Self.ack("m1")])
    }

    @Test("a cumulative ACK resumes a paused client subscription")
    func cumulativeResume() {
        var session = Self.session(mode: .client, delivered: 3, maxUnacked: 3)
        #expect(!session.canDeliver(subscription: "0"))
        #expect(session.receive("ACK\nid:m3\n\n\0") == [Self.ack("m1", "m2", "m3"), .resumeDelivery(subscription: "0")])
    }

    @Test("a transaction's ACK resumes delivery when the commit completes")
    func transactionalResume() {
        var session = Self.session(mode: .client, delivered: 1, maxUnacked: 1)
        _ = session.receive("BEGIN\ntransaction:t\n\n\0ACK\nid:m1\ntransaction:t\n\n\0COMMIT\ntransaction:t\n\n\0")
        #expect(!session.canDeliver(subscription: "0"))
        #expect(session.completed(.op(1)) == [Self.ack("m1"), .resumeDelivery(subscription: "0")])
        #expect(session.canDeliver(subscription: "0"))
    }

    @Test("auto subscriptions keep no unacked messages and never pause")
    func auto() {
        var session = Self.session(mode: .auto, delivered: 3, maxUnacked: 1)
        #expect(session.canDeliver(subscription: "0"))
        #expect(session.receive("ACK\nid:m1\n\n\0") == [])
    }

    @Test("UNSUBSCRIBE forgets unacked messages")
    func unsubscribeForgets() {
        var session = Self.session(mode: .client)
        _ = session.receive("UNSUBSCRIBE\nid:0\n\n\0")
        #expect(session.receive("ACK\nid:m1\n\n\0") == [])
        #expect(!session.canDeliver(subscription: "0"))
    }

    @Test("deliveries to unknown subscriptions are ignored")
    func unknownSubscription() {
        var session = STOMPSession.connected()
        session.delivered(subscription: "x", ackID: "m1")
        #expect(!session.canDeliver(subscription: "x"))
        #expect(session.receive("ACK\nid:m1\n\n\0") == [])
    }

    @Test("nothing is deliverable before CONNECTED or after DISCONNECT")
    func deliverableOnlyWhenConnected() {
        var session = STOMPSession()
        _ = session.receive("CONNECT\naccept-version:1.2\n\n\0")
        _ = session.receive("SUBSCRIBE\nid:0\ndestination:/topic/a\n\n\0")
        #expect(!session.canDeliver(subscription: "0"))
        _ = session.authenticated()
        #expect(session.canDeliver(subscription: "0"))
        _ = session.receive("DISCONNECT\n\n\0")
        #expect(!session.canDeliver(subscription: "0"))
    }
}
