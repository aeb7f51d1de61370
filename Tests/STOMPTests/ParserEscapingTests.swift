import NIOCore
import STOMP
import Testing

@Suite("Decoding header escapes per version")
struct ParserEscapingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let version: STOMPVersion
        let wire: String
        let decoded: String?

        var testDescription: String { "\(self.version.rawValue) '\(self.wire)'" }
    }

    static let cases: [Case] = [
        Case(version: .v1_2, wire: #"a\rb\nc\cd\\e"#, decoded: "a\rb\nc:d\\e"),
        Case(version: .v1_1, wire: #"b\nc\cd\\e"#, decoded: "b\nc:d\\e"),
        Case(version: .v1_1, wire: #"a\rb"#, decoded: nil),
        Case(version: .v1_0, wire: #"a\rb\nc\cd\\e\t"#, decoded: #"a\rb\nc\cd\\e\t"#),
        Case(version: .v1_2, wire: #"tab\t"#, decoded: nil),
        Case(version: .v1_2, wire: #"trailing\"#, decoded: nil),
        Case(version: .v1_2, wire: "héllo wörld €", decoded: "héllo wörld €"),
        Case(version: .v1_2, wire: "a:b", decoded: "a:b"),
    ]

    @Test("a SEND header value decodes per version", arguments: Self.cases)
    func decodesValue(_ example: Case) throws {
        let wire = "SEND\nkey:\(example.wire)\n\n\0"
        if let decoded = example.decoded {
            let frames = try STOMPParser.frames(parsing: wire, version: example.version)
            #expect(frames.first?.headers["key"] == decoded)
        } else {
            #expect(throws: STOMPProtocolError.self) { try STOMPParser.frames(parsing: wire, version: example.version) }
        }
    }

    @Test("header names are decoded too")
    func decodesName() throws {
        let frames = try STOMPParser.frames(parsing: "SEND\nmy\\cname\\\\:v\n\n\0")
        #expect(frames.first?.headers["my:name\\"] == "v")
    }

    @Test("an undefined escape names the escape")
    func invalidEscapeError() {
        #expect(STOMPParser.error(parsing: "SEND\nkey:a\\tb\n\n\0") == .invalidEscape("\\t"))
        #expect(STOMPParser.error(parsing: "SEND\nkey:a\\\n\n\0") == .invalidEscape("\\"))
        #expect(STOMPParser.error(parsing: "SEND\nkey:a\\rb\n\n\0", version: .v1_1) == .invalidEscape("\\r"))
    }

    @Test("handshake frames are never unescaped", arguments: ["CONNECT", "STOMP", "CONNECTED"], STOMPVersion.allCases)
    func handshakeNotUnescaped(command: String, version: STOMPVersion) throws {
        let frames = try STOMPParser.frames(parsing: "\(command)\npasscode:a\\nb\\tc\\\n\n\0", version: version)
        #expect(frames.first?.headers["passcode"] == #"a\nb\tc\"#)
    }

    @Test("header bytes that are not UTF-8 are an error")
    func invalidUTF8() throws {
        let bytes = Array("SEND\nkey:".utf8) + [0xC3, 0x28] + Array("\n\n\0".utf8)
        #expect(throws: STOMPProtocolError.invalidUTF8) { try STOMPParser.events(parsing: bytes) }
    }
}
