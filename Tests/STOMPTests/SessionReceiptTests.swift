import STOMP
import Testing

@Suite("Receipts in frame order, after the effect")
struct SessionReceiptTests {
    @Test("a frame that takes effect at once gets its RECEIPT at once")
    func immediate() {
        var session = STOMPSession.connected()
        #expect(session.receive("BEGIN\ntransaction:t\nreceipt:77\n\n\0") == [.frame("RECEIPT\nreceipt-id:77\n\n\0")])
    }

    @Test("a SUBSCRIBE's RECEIPT waits for the owner, and a later frame's RECEIPT waits behind it")
    func subscribeCompletesAfterLaterFrame() {
        var session = STOMPSession.connected()
        #expect(
            session.receive("SUBSCRIBE\nid:0\ndestination:/topic/a\nreceipt:r1\n\n\0BEGIN\ntransaction:t\nreceipt:r2\n\n\0")
                == [.subscribe(STOMPSession.Subscription(
                    id: "0", destination: "/topic/a", ackMode: .auto,
                    headers: ["id": "0", "destination": "/topic/a", "receipt": "r1"]
                ), .op(0))]
        )
        #expect(session.receive("ABORT\ntransaction:t\nreceipt:r3\n\n\0") == [])
        #expect(session.completed(.op(0)) == [.receipt("r1"), .receipt("r2"), .receipt("r3")])
        #expect(session.receive("BEGIN\ntransaction:u\nreceipt:r4\n\n\0") == [.receipt("r4")])
    }

    @Test("operations completing out of order still answer in frame order")
    func outOfOrderCompletion() {
        var session = STOMPSession.connected()
        let actions = session.receive(
            "SEND\ndestination:/topic/a\nreceipt:r1\n\n\0SEND\ndestination:/topic/b\nreceipt:r2\n\n\0"
        )
        #expect(actions.count == 2)
        #expect(session.completed(.op(1)) == [])
        #expect(session.completed(.op(0)) == [.receipt("r1"), .receipt("r2")])
    }

    @Test("a pending frame without receipt still holds later receipts back")
    func pendingWithoutReceipt() {
        var session = STOMPSession.connected()
        _ = session.receive("SUBSCRIBE\nid:0\ndestination:/topic/a\n\n\0")
        #expect(session.receive("BEGIN\ntransaction:t\nreceipt:r1\n\n\0") == [])
        #expect(session.completed(.op(0)) == [.receipt("r1")])
    }

    @Test("frames after a pending one take effect at once; only their receipts wait")
    func laterFramesTakeEffect() {
        var session = STOMPSession.connected()
        _ = session.receive("SUBSCRIBE\nid:0\ndestination:/topic/a\nreceipt:r1\n\n\0")
        #expect(session.receive("UNSUBSCRIBE\nid:0\nreceipt:r2\n\n\0") == [.unsubscribe(id: "0")])
        #expect(session.receive("SEND\ndestination:/topic/a\nreceipt:r3\n\n\0").count == 1)
        #expect(session.completed(.op(0)) == [.receipt("r1"), .receipt("r2")])
        #expect(session.completed(.op(1)) == [.receipt("r3")])
    }

    @Test("completing an unknown or already completed operation does nothing")
    func unknownOperation() {
        var session = STOMPSession.connected()
        _ = session.receive("SEND\ndestination:/topic/a\nreceipt:r1\n\n\0")
        #expect(session.completed(.op(7)) == [])
        #expect(session.failed(.op(7), message: "x", detail: "y") == [])
        #expect(session.completed(.op(0)) == [.receipt("r1")])
        #expect(session.completed(.op(0)) == [])
    }

    @Test("receipt ids are escaped for the negotiated version")
    func escaping() {
        var session12 = STOMPSession.connected(.v1_2)
        #expect(session12.receive("BEGIN\ntransaction:t\nreceipt:a\\cb\n\n\0") == [.frame("RECEIPT\nreceipt-id:a\\cb\n\n\0")])
        var session10 = STOMPSession.connected(.v1_0)
        #expect(session10.receive("BEGIN\ntransaction:t\nreceipt:a:b\n\n\0") == [.frame("RECEIPT\nreceipt-id:a:b\n\n\0")])
    }
}
