import STOMP
import Testing

@Suite("Parsing the specification's example frames")
struct ParserSpecExampleTests {
    @Test("parses to the expected frame", arguments: SpecExample.all)
    func parsesExample(_ example: SpecExample) throws {
        #expect(try STOMPParser.frames(parsing: example.wire) == [example.frame])
    }

    @Test("parses to the same frame at every split point", arguments: SpecExample.all)
    func parsesExampleAtEverySplit(_ example: SpecExample) throws {
        let bytes = Array(example.wire.utf8)
        for cut in 0...bytes.count {
            #expect(try STOMPParser.events(parsing: bytes, cutAt: [cut]) == [.frame(example.frame)], "cut at \(cut)")
        }
    }

    @Test("the spec's repeated header example keeps both and looks up the first")
    func repeatedHeaderExample() throws {
        let frames = try STOMPParser.frames(parsing: "MESSAGE\nfoo:World\nfoo:Hello\n\n\0")
        #expect(frames.first?.headers["foo"] == "World")
        #expect(frames.first?.headers.map(\.value) == ["World", "Hello"])
    }
}
