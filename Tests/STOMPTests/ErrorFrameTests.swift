import NIOCore
import STOMP
import Testing

@Suite("Building ERROR frames")
struct ErrorFrameTests {
    @Test("a protocol error becomes message, receipt-id, content-type and a text body")
    func protocolError() {
        let frame = STOMPFrame.error(.invalidContentLength("x"), receiptID: "9")
        let detail = "The content-length 'x' is not a non-negative decimal integer."
        #expect(frame == STOMPFrame(
            .error,
            headers: ["message": "invalid content-length", "receipt-id": "9", "content-type": "text/plain"],
            text: detail
        ))
        #expect(
            frame.encodedText(version: .v1_2)
                == "ERROR\nmessage:invalid content-length\nreceipt-id:9\ncontent-type:text/plain\n"
                + "content-length:\(detail.utf8.count)\n\n\(detail)\0"
        )
    }

    @Test("without a receipt there is no receipt-id")
    func withoutReceipt() {
        let frame = STOMPFrame.error(.limitExceeded(.headerCount, maximum: 64))
        #expect(frame.headers["receipt-id"] == nil)
        #expect(frame.headers["message"] == "header count limit exceeded")
        #expect(frame.body == ByteBuffer(string: "The frame's header count exceeds the limit of 64."))
    }

    @Test("an unsupported version lists the supported ones")
    func unsupportedVersion() {
        let frame = STOMPFrame.error(.unsupportedVersion(offered: "2.0", supported: [.v1_1, .v1_2]))
        #expect(frame.headers.map(\.name) == ["message", "content-type", "version"])
        #expect(frame.headers["version"] == "1.1,1.2")
    }

    @Test("every error's message is one short line")
    func messagesAreOneLine() {
        let errors: [STOMPProtocolError] = [
            .unknownCommand("x"), .malformedHeader("x"), .invalidUTF8, .invalidEscape("\\t"), .invalidContentLength("x"),
            .missingNullAfterBody, .limitExceeded(.bodySize, maximum: 1), .unsupportedVersion(offered: "x", supported: []),
            .malformedHeartBeat("x"),
        ]
        for error in errors {
            #expect(!error.message.contains("\n") && error.message.utf8.count <= 40, "\(error)")
            #expect(!error.detail.isEmpty)
        }
    }

    @Test("a parse failure answers with the failed frame's receipt")
    func parseFailure() throws {
        var parser = STOMPParser()
        let error = try #require(throws: STOMPProtocolError.self) {
            try parser.feed(ByteBuffer(string: "SEND\nreceipt:r-1\ncontent-length:x\n\n\0"))
        }
        let frame = STOMPFrame.error(error, receiptID: parser.failedFrameReceipt)
        #expect(frame.headers["receipt-id"] == "r-1")
    }
}
