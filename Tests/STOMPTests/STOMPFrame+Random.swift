import NIOCore
import PostgresTestSupport
import STOMP

extension STOMPFrame {
    /// Characters headers are drawn from: every escapable byte, multi-byte UTF-8, a NUL and
    /// a tab.
    private static let alphabet: [Character] = ["a", "Z", "0", " ", "-", "/", ":", "\\", "\n", "\r", "\t", "\0", "é", "€", "中", "😀"]

    /// A random frame that must survive an encode-parse round trip in `version`.
    ///
    /// Handshake frames and STOMP 1.0 escape nothing, so their headers avoid EOL bytes and
    /// their names avoid `:`; STOMP 1.1 cannot carry `\r`.
    static func random(version: STOMPVersion, using generator: inout SeededGenerator) -> STOMPFrame {
        let command = STOMPCommand.allCases.randomElement(using: &generator)!
        let escapesNothing = command.isHandshake || version == .v1_0
        let valueAlphabet = Self.alphabet.filter { character in
            switch character {
            case "\r": version == .v1_2 && !escapesNothing
            case "\n": !escapesNothing
            default: true
            }
        }
        let nameAlphabet = escapesNothing ? valueAlphabet.filter { $0 != ":" } : valueAlphabet
        var headers = STOMPHeaders()
        for _ in 0..<Int.random(in: 0...6, using: &generator) {
            let repeatsName = !headers.isEmpty && Int.random(in: 0..<5, using: &generator) == 0
            let name =
                repeatsName
                ? headers.randomElement(using: &generator)!.name
                : Self.text(from: nameAlphabet, lengths: 1...8, using: &generator)
            headers.add(name: name, value: Self.text(from: valueAlphabet, lengths: 0...12, using: &generator))
        }
        return STOMPFrame(command, headers: headers, body: Self.body(using: &generator))
    }

    /// The frame as the parser returns it after encoding: with the `content-length` header
    /// the encoder adds to a non-empty body.
    var withEncodedContentLength: STOMPFrame {
        guard self.body.readableBytes > 0, self.headers["content-length"] == nil else {
            return self
        }
        var frame = self
        frame.headers.add(name: "content-length", value: String(self.body.readableBytes))
        return frame
    }

    private static func text(
        from alphabet: [Character],
        lengths: ClosedRange<Int>,
        using generator: inout SeededGenerator
    ) -> String {
        String((0..<Int.random(in: lengths, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
    }

    private static func body(using generator: inout SeededGenerator) -> ByteBuffer {
        let maximumLength = Int.random(in: 0..<10, using: &generator) == 0 ? 4_096 : 64
        let bytes = (0..<Int.random(in: 0...maximumLength, using: &generator)).map { _ in
            Int.random(in: 0..<5, using: &generator) == 0 ? 0 : UInt8.random(in: 0...255, using: &generator)
        }
        return ByteBuffer(bytes: bytes)
    }
}
