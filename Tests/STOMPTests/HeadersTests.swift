import STOMP
import Testing

@Suite("Frame headers")
struct HeadersTests {
    @Test("a literal keeps repeated names in order; lookup returns the first")
    func literalWithRepeats() {
        let headers: STOMPHeaders = ["a": "1", "b": "2", "a": "3"]
        #expect(headers.count == 3)
        #expect(headers["a"] == "1")
        #expect(headers.map(\.value) == ["1", "2", "3"])
    }

    @Test("add appends even an existing name")
    func add() {
        var headers = STOMPHeaders()
        headers.add(name: "a", value: "1")
        headers.add(name: "a", value: "2")
        #expect(headers["a"] == "1")
        #expect(headers == STOMPHeaders([(name: "a", value: "1"), (name: "a", value: "2")]))
    }

    @Test("names are case-sensitive and order matters for equality")
    func equality() {
        let headers: STOMPHeaders = ["Receipt": "1"]
        #expect(headers["receipt"] == nil)
        #expect((["a": "1", "b": "2"] as STOMPHeaders) != ["b": "2", "a": "1"])
    }
}
