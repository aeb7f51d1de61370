import NIOCore
import STOMP
import Testing

@Suite("Parser limits and failure")
struct ParserLimitTests {
    /// What feeding a prefix and then endless filler did to a parser.
    struct Flood {
        /// The error, or `nil` if all `total` bytes were accepted.
        var error: STOMPProtocolError?
        /// Bytes fed, prefix included, when the error came.
        var bytesFed = 0
        /// The most bytes the parser held between chunks.
        var mostBuffered = 0
        /// The bytes held after the last chunk.
        var buffered = 0
    }

    /// Feeds `prefix`, then up to `total` bytes of `A` in `chunkSize` chunks, stopping at the
    /// first error.
    static func flood(prefix: String, total: Int = 10 * 1_048_576, chunkSize: Int = 4_096, limits: STOMPLimits = STOMPLimits()) -> Flood {
        var parser = STOMPParser(limits: limits)
        var flood = Flood()
        let filler = ByteBuffer(repeating: UInt8(ascii: "A"), count: chunkSize)
        let chunks = [ByteBuffer(string: prefix)] + Array(repeating: filler, count: total / chunkSize)
        for chunk in chunks {
            flood.bytesFed += chunk.readableBytes
            do {
                _ = try parser.feed(chunk)
            } catch {
                flood.error = error
                break
            }
            flood.mostBuffered = max(flood.mostBuffered, parser.bufferedByteCount)
        }
        flood.buffered = parser.bufferedByteCount
        return flood
    }

    @Test("a never-ending command line fails once past the command line limit")
    func endlessCommandLine() {
        let flood = Self.flood(prefix: "")
        #expect(flood.error == .limitExceeded(.commandLineLength, maximum: 64))
        #expect(flood.bytesFed <= 64 + 2 + 4_096)
        #expect(flood.mostBuffered <= 64 + 1)
        #expect(flood.buffered == 0)
    }

    @Test("a never-ending header line fails once past the header line limit")
    func endlessHeaderLine() {
        let flood = Self.flood(prefix: "SEND\n")
        #expect(flood.error == .limitExceeded(.headerLineLength, maximum: 8_192))
        #expect(flood.bytesFed <= 5 + 8_192 + 2 + 4_096)
        #expect(flood.mostBuffered <= 8_192 + 1)
    }

    @Test("a body without NUL fails once past the body limit")
    func endlessBody() {
        let flood = Self.flood(prefix: "SEND\n\n")
        #expect(flood.error == .limitExceeded(.bodySize, maximum: 1_048_576))
        #expect(flood.bytesFed <= 6 + 1_048_576 + 1 + 4_096)
        #expect(flood.mostBuffered <= 1_048_576)
    }

    @Test("a content-length over the body limit fails at its header")
    func contentLengthOverLimit() {
        let flood = Self.flood(prefix: "SEND\ncontent-length:1048577\n\n")
        #expect(flood.error == .limitExceeded(.bodySize, maximum: 1_048_576))
        #expect(flood.bytesFed == "SEND\ncontent-length:1048577\n\n".utf8.count)
    }

    @Test("endless headers fail once past the header count limit")
    func endlessHeaders() {
        let headers = String(repeating: "k:v\n", count: 10_000)
        let flood = Self.flood(prefix: "SEND\n" + headers, total: 0)
        #expect(flood.error == .limitExceeded(.headerCount, maximum: 64))
    }

    @Test("each limit accepts its maximum and refuses one more", arguments: STOMPLimit.allCases)
    func boundaries(limit: STOMPLimit) throws {
        let limits = STOMPLimits(maxBodySize: 10, maxHeaderCount: 3, maxHeaderLineLength: 12, maxCommandLineLength: 11)
        let maximum = limits.maximum(for: limit)
        func frame(size: Int) -> [UInt8] {
            let text =
                switch limit {
                case .commandLineLength: String(repeating: "X", count: size - 11) + "UNSUBSCRIBE\r\n\n\0"
                case .headerLineLength: "SEND\nk:" + String(repeating: "v", count: size - 2) + "\r\n\n\0"
                case .headerCount: "SEND\n" + String(repeating: "k:v\n", count: size) + "\n\0"
                case .bodySize: "SEND\n\n" + String(repeating: "b", count: size) + "\0"
                }
            return Array(text.utf8)
        }
        #expect(try STOMPParser.events(parsing: frame(size: maximum), limits: limits).count == 1)
        #expect(throws: STOMPProtocolError.limitExceeded(limit, maximum: maximum)) {
            try STOMPParser.events(parsing: frame(size: maximum + 1), limits: limits)
        }
    }

    @Test("a failed parser keeps failing with the same error and holds no bytes")
    func failedStateIsFinal() throws {
        var parser = STOMPParser()
        #expect(throws: STOMPProtocolError.unknownCommand("send")) { try parser.feed(ByteBuffer(string: "send\n\n\0")) }
        #expect(parser.bufferedByteCount == 0)
        #expect(throws: STOMPProtocolError.unknownCommand("send")) { try parser.feed(ByteBuffer(string: "SEND\n\n\0")) }
        #expect(throws: STOMPProtocolError.unknownCommand("send")) { try parser.next() }
        #expect(parser.bufferedByteCount == 0)
    }

    @Test("a failure keeps the failed frame's receipt")
    func failedFrameReceipt() throws {
        var parser = STOMPParser(version: .v1_2)
        #expect(throws: STOMPProtocolError.invalidEscape("\\t")) {
            try parser.feed(ByteBuffer(string: "SEND\nreceipt:42\nbad:\\t\n\n\0"))
        }
        #expect(parser.failedFrameReceipt == "42")
        var other = STOMPParser()
        #expect(throws: STOMPProtocolError.self) { try other.feed(ByteBuffer(string: "nope\n")) }
        #expect(other.failedFrameReceipt == nil)
    }
}
