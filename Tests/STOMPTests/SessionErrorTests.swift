import STOMP
import Testing

@Suite("Protocol errors: one ERROR, then close")
struct SessionErrorTests {
    @Test("a parse error after good frames: their actions, one ERROR with receipt-id, close; nothing after")
    func parseError() {
        var session = STOMPSession.connected()
        let chunk =
            "BEGIN\ntransaction:t\nreceipt:r-1\n\n\0SEND\ndestination:/topic/b\nreceipt:r-2\ncontent-length:x\n\n\0"
            + "SUBSCRIBE\nid:1\ndestination:/topic/c\n\n\0"
        #expect(
            session.receive(chunk) == [
                .receipt("r-1"),
                .error(
                    "invalid content-length",
                    "The content-length 'x' is not a non-negative decimal integer.",
                    receiptID: "r-2"
                ),
                .close(.protocolViolation(.invalidContentLength("x"))),
            ]
        )
        #expect(session.receive("SUBSCRIBE\nid:2\ndestination:/topic/c\n\n\0") == [])
        #expect(session.tick(now: .ms(1_000_000)) == [])
    }

    @Test("a parse error before the receipt header: ERROR without receipt-id")
    func parseErrorWithoutReceipt() {
        var session = STOMPSession.connected()
        #expect(
            session.receive("send\ndestination:/topic/a\n\n\0") == [
                .error("unknown command", "'send' is not a STOMP command; commands are case-sensitive, e.g. SEND or SUBSCRIBE."),
                .close(.protocolViolation(.unknownCommand("send"))),
            ]
        )
    }

    @Test("a parse error before CONNECT is answered too")
    func parseErrorBeforeConnect() {
        var session = STOMPSession()
        #expect(session.receive("HELLO\n\n\0").last == .close(.protocolViolation(.unknownCommand("HELLO"))))
    }

    @Test("the configured parser limits apply")
    func parserLimits() {
        let configuration = STOMPSession.Configuration(serverVersion: "0.1.0", limits: STOMPLimits(maxBodySize: 4))
        var session = STOMPSession.connected(configuration: configuration)
        #expect(
            session.receive("SEND\ndestination:/topic/a\nreceipt:big\n\n12345\0") == [
                .error("body size limit exceeded", "The frame's body size exceeds the limit of 4.", receiptID: "big"),
                .close(.protocolViolation(.limitExceeded(.bodySize, maximum: 4))),
            ]
        )
    }

    @Test("a semantic error stops the chunk: later frames in it take no effect")
    func semanticErrorStopsChunk() {
        var session = STOMPSession.connected()
        #expect(
            session.receive("UNSUBSCRIBE\nid:9\n\n\0SEND\ndestination:/topic/a\n\n\0") == [
                .error("unknown subscription", "No subscription has the id '9'."), .close(.unknownSubscription("9")),
            ]
        )
    }

    @Test("an ERROR is encoded for the negotiated version")
    func errorEscaping() {
        var session = STOMPSession.connected(.v1_2)
        let detail = "No open transaction has the id 'x:y'."
        #expect(
            session.receive("ABORT\ntransaction:x\\cy\nreceipt:a\\cb\n\n\0").first
                == .frame(
                    "ERROR\nmessage:unknown transaction\nreceipt-id:a\\cb\ncontent-type:text/plain\n"
                        + "content-length:\(detail.utf8.count)\n\n\(detail)\0"
                )
        )
    }

    @Test("the owner can end the session with an ERROR, e.g. at shutdown")
    func terminate() {
        var session = STOMPSession.connected()
        _ = session.receive("SEND\ndestination:/topic/a\n\nx\0")
        #expect(
            session.terminate(message: "server shutting down", detail: "Reconnect to another process.") == [
                .error("server shutting down", "Reconnect to another process."),
                .close(.reported(message: "server shutting down", detail: "Reconnect to another process.")),
            ]
        )
        #expect(session.completed(.op(0)) == [])
    }

    @Test("every session error's message is one short line")
    func messagesAreOneLine() {
        let errors: [STOMPSessionError] = [
            .protocolViolation(.invalidUTF8), .notConnected(.send), .alreadyConnected, .unexpectedCommand(.message),
            .missingHeader("destination", command: .send), .invalidAckMode("x"), .duplicateSubscription("x"),
            .unknownSubscription("x"), .duplicateTransaction("x"), .unknownTransaction("x"),
            .limitExceeded(.transactionFrames, maximum: 1), .heartBeatTimeout(milliseconds: 1),
        ]
        for error in errors {
            #expect(!error.message.contains("\n") && error.message.utf8.count <= 40, "\(error)")
            #expect(!error.detail.isEmpty)
            #expect(error.description == "\(error.message): \(error.detail)")
        }
    }
}
