import NIOCore
import STOMP
import Testing

@Suite("Parsing commands and header lines")
struct ParserHeaderTests {
    @Test("repeated headers are all kept in order and the first wins on lookup")
    func repeatedHeaders() throws {
        let frame = try #require(try STOMPParser.frames(parsing: "SEND\nx:1\ny:2\nx:3\n\n\0").first)
        #expect(frame.headers.map(\.name) == ["x", "y", "x"])
        #expect(frame.headers.map(\.value) == ["1", "2", "3"])
        #expect(frame.headers["x"] == "1")
        #expect(frame.headers["z"] == nil)
    }

    @Test("the first colon separates name and value; empty values are allowed")
    func colonsAndEmptyValues() throws {
        let frame = try #require(try STOMPParser.frames(parsing: "SEND\nurl:http://x:80\nempty:\n\n\0", version: .v1_0).first)
        #expect(frame.headers["url"] == "http://x:80")
        #expect(frame.headers["empty"] == "")
    }

    @Test("header names and values keep their spaces")
    func spacesAreKept() throws {
        let frame = try #require(try STOMPParser.frames(parsing: "SEND\n key : value \n\n\0").first)
        #expect(frame.headers[" key "] == " value ")
    }

    @Test("a header line without a colon or name is an error", arguments: ["novalue", ":value"])
    func malformedHeader(line: String) {
        #expect(STOMPParser.error(parsing: "SEND\n\(line)\n\n\0") == .malformedHeader(line))
    }

    @Test("commands are case-sensitive", arguments: ["send", "Send", "connect", "SENDX", "FOO", " SEND", "SEND "])
    func unknownCommand(line: String) {
        #expect(STOMPParser.error(parsing: "\(line)\n\n\0") == .unknownCommand(line))
    }

    @Test("every command parses, STOMP distinct from CONNECT", arguments: STOMPCommand.allCases)
    func everyCommand(command: STOMPCommand) throws {
        #expect(try STOMPParser.frames(parsing: "\(command.rawValue)\n\n\0") == [STOMPFrame(command)])
    }

    @Test("only CONNECT, STOMP and CONNECTED are handshake commands")
    func handshakeCommands() {
        #expect(STOMPCommand.allCases.filter(\.isHandshake) == [.connect, .stomp, .connected])
    }
}
