import RowFilter
import Testing

@Suite("Arbitrary selectors")
struct FuzzTests {
    /// Fragments that exercise the grammar's every branch, combined exhaustively.
    private static let fragments = [
        "a", "=", ".", "eq", "not", "in", "is", "like", "null", "(", ")", "\"", "\\", ",", "&", "*", "%", "_", "1", "é",
        "\u{301}", "\0",
    ]

    @Test(
        "every combination of up to three fragments after a prefix: no crash, and what parses round-trips",
        arguments: ["", "a=", "a=eq.", "a=in.", "a=in.(x,", "a=in.(\"", "a=not.", "a=is.", "a=like.", "a=eq.1&b="]
    )
    func exhaustive(prefix: String) throws {
        let row = Array(#"{"a":"x(1)","b":1,"c":null}"#.utf8)
        var parsed = 0
        for length in 0...3 {
            for combination in Self.combinations(length: length) {
                let selector = prefix + combination
                guard let predicate = try? RowFilter.parse(selector: selector) else { continue }
                parsed += 1
                _ = predicate.matches(row)
                let compiled = predicate.sql(column: "doc")
                #expect(compiled.bindings.count <= predicate.conditions.count * 4, "\(selector)")
                let reparsed = try RowFilter.parse(parameters: queryParameters(predicate.description, decode: percentDecoded))
                #expect(reparsed == predicate, "\(selector)")
            }
        }
        #expect(parsed > 0)
    }

    private static func combinations(length: Int) -> [String] {
        guard length > 0 else { return [""] }
        return combinations(length: length - 1).flatMap { head in fragments.map { head + $0 } }
    }
}
