import NIOCore
import STOMP
import Testing

@Suite("Publishing SEND frames")
struct SessionSendTests {
    @Test("SEND passes destination, every header and the body through")
    func passThrough() {
        var session = STOMPSession.connected()
        let body = #"{"text":"hi"}"#
        let frame = "SEND\ndestination:/topic/chat\ncontent-type:application/json\nx-trace:7\ncontent-length:13\n\n\(body)\0"
        #expect(
            session.receive(frame) == [
                .publish(
                    STOMPSession.Publication(
                        destination: "/topic/chat",
                        headers: [
                            "destination": "/topic/chat", "content-type": "application/json", "x-trace": "7",
                            "content-length": "13",
                        ],
                        body: ByteBuffer(string: body)
                    ),
                    .op(0)
                )
            ]
        )
    }

    @Test("a binary body with NULs passes through")
    func binaryBody() {
        var session = STOMPSession.connected()
        var bytes = ByteBuffer(string: "SEND\ndestination:/topic/a\ncontent-length:3\n\n")
        bytes.writeBytes([0, 1, 0, 0])
        let actions = session.receive(bytes, now: .ms(0))
        guard case .publish(let publication, _) = actions.first else {
            Issue.record("expected a publish, got \(actions)")
            return
        }
        #expect(publication.body == ByteBuffer(bytes: [0, 1, 0]))
    }

    @Test("SEND without destination is an error")
    func missingDestination() {
        var session = STOMPSession.connected()
        #expect(
            session.receive("SEND\nreceipt:1\n\nhello\0") == [
                .error("missing destination header", "A SEND frame needs a 'destination' header.", receiptID: "1"),
                .close(.missingHeader("destination", command: .send)),
            ]
        )
    }

    @Test("the RECEIPT comes once the event is stored")
    func receiptAfterPublish() {
        var session = STOMPSession.connected()
        #expect(session.receive("SEND\ndestination:/topic/a\nreceipt:s-1\n\nx\0").count == 1)
        #expect(session.completed(.op(0)) == [.receipt("s-1")])
    }

    @Test("a refused SEND: ERROR with its receipt-id, then close; nothing after")
    func publishFailed() {
        var session = STOMPSession.connected()
        _ = session.receive("SEND\ndestination:/topic/orders\nreceipt:s-1\n\nx\0SEND\ndestination:/topic/b\n\n\0")
        let detail = "The topic orders is a table topic; it refuses SEND."
        #expect(
            session.failed(.op(0), message: "SEND refused", detail: detail) == [
                .error("SEND refused", detail, receiptID: "s-1"),
                .close(.reported(message: "SEND refused", detail: detail)),
            ]
        )
        #expect(session.completed(.op(1)) == [])
        #expect(session.receive("SEND\ndestination:/topic/b\n\n\0") == [])
    }
}
