import RowFilter
import Testing

@Suite("The canonical text of a predicate")
struct DescriptionTests {
    @Test(
        "conditions in the order written, in items quoted only when needed, % and & percent-encoded",
        arguments: [
            ("status=eq.open&amount=gt.100", "status=eq.open&amount=gt.100"),
            (#"tag=in.("a",b,"c,d","","x\"y","p(q)","back\\slash")"#, #"tag=in.(a,b,"c,d","","x\"y","p(q)","back\\slash")"#),
            ("flag=not.is.null&rate=like.100%*", "flag=not.is.null&rate=like.100%25*"),
            ("b=lt.2&a=gt.1", "b=lt.2&a=gt.1"),
        ]
    )
    func canonical(selector: String, expected: String) throws {
        #expect(try predicate(selector).description == expected)
    }

    @Test(
        "percent-decoding the description and parsing it as parameters gives the predicate back",
        arguments: [
            [("name", "eq.Tom & Jerry"), ("rate", "like.100%"), ("tag", #"in.("a&b","%",q)"#)],
            [("tag", #"in.("a&b","%","q\"")"#), ("z", "not.eq.=&=")],
            [("n", "eq.Zoe\u{308}"), ("n", "neq.Zoë")],
        ]
    )
    func roundTrip(parameters: [(String, String)]) throws {
        let parsed = try RowFilter.parse(parameters: parameters)
        let decoded = queryParameters(parsed.description, decode: percentDecoded)
        #expect(try RowFilter.parse(parameters: decoded) == parsed)
    }

    @Test("canonically equivalent but different texts are different predicates with different descriptions")
    func noNormalisation() throws {
        let composed = try predicate("n=eq.Zoë"), decomposed = try predicate("n=eq.Zoe\u{308}")
        #expect(composed != decomposed)
        #expect(!composed.description.utf8.elementsEqual(decomposed.description.utf8))
        #expect(Set([composed, decomposed]).count == 2)
    }
}
