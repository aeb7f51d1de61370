import STOMP
import Testing

@Suite("Disconnecting")
struct SessionDisconnectTests {
    @Test("DISCONNECT with receipt: RECEIPT, then close after flushing")
    func withReceipt() {
        var session = STOMPSession.connected()
        #expect(
            session.receive("DISCONNECT\nreceipt:77\n\n\0") == [
                .frame("RECEIPT\nreceipt-id:77\n\n\0"), .close(.disconnected, flushFirst: true),
            ]
        )
    }

    @Test("DISCONNECT without receipt closes")
    func withoutReceipt() {
        var session = STOMPSession.connected()
        #expect(session.receive("DISCONNECT\n\n\0") == [.close(.disconnected, flushFirst: true)])
    }

    @Test("frames after DISCONNECT are ignored, in the same chunk and later")
    func framesAfter() {
        var session = STOMPSession.connected()
        #expect(
            session.receive("SUBSCRIBE\nid:0\ndestination:/topic/a\n\n\0DISCONNECT\n\n\0SEND\ndestination:/topic/a\n\n\0")
                == [.subscribe(STOMPSession.Subscription(
                    id: "0", destination: "/topic/a", ackMode: .auto, headers: ["id": "0", "destination": "/topic/a"]
                ), .op(0))]
        )
        #expect(session.receive("SEND\ndestination:/topic/a\n\n\0garbage") == [])
        #expect(session.completed(.op(0)) == [.close(.disconnected, flushFirst: true)])
    }

    @Test("DISCONNECT's RECEIPT and the close wait until earlier frames took effect")
    func waitsForPending() {
        var session = STOMPSession.connected()
        _ = session.receive("SEND\ndestination:/topic/a\nreceipt:s\n\nx\0SEND\ndestination:/topic/a\n\ny\0")
        #expect(session.receive("DISCONNECT\nreceipt:d\n\n\0") == [])
        #expect(session.completed(.op(1)) == [])
        #expect(
            session.completed(.op(0)) == [.receipt("s"), .receipt("d"), .close(.disconnected, flushFirst: true)]
        )
    }

    @Test("a pending operation failing after DISCONNECT still answers with ERROR")
    func failureWhileDisconnecting() {
        var session = STOMPSession.connected()
        _ = session.receive("SEND\ndestination:/topic/a\n\nx\0DISCONNECT\nreceipt:d\n\n\0")
        #expect(
            session.failed(.op(0), message: "SEND refused", detail: "No.") == [
                .error("SEND refused", "No."), .close(.reported(message: "SEND refused", detail: "No.")),
            ]
        )
    }

    @Test("after the close every event is ignored")
    func afterClose() {
        var session = STOMPSession.connected(heartBeat: "10000,10000")
        _ = session.receive("DISCONNECT\n\n\0")
        #expect(session.receive("DISCONNECT\n\n\0") == [])
        #expect(session.tick(now: .ms(1_000_000)) == [])
        #expect(session.nextTick == nil)
        #expect(session.terminate(message: "bye", detail: "Shutting down.") == [])
        #expect(session.subscription(id: "0") == nil)
    }
}
