import Foundation
import RowFilter

/// Parses a selector that the test knows to be valid.
func predicate(_ selector: String) throws -> RowPredicate {
    try RowFilter.parse(selector: selector)
}

/// Whether the row's JSON text passes the selector.
func matches(_ selector: String, _ json: String) throws -> Bool {
    try predicate(selector).matches(Array(json.utf8))
}

/// The error parsing `selector` throws, or `nil` if it parses.
func parseError(_ selector: String) -> RowFilterError? {
    do {
        _ = try RowFilter.parse(selector: selector)
        return nil
    } catch {
        return error
    }
}

/// Splits `name=value&…` into `(name, value)` pairs as a web framework would, then decodes each value.
func queryParameters(_ query: String, decode: (String) -> String = { $0 }) -> [(String, String)] {
    query.unicodeScalars.split(separator: "&").map { pair in
        let equals = pair.firstIndex(of: "=") ?? pair.endIndex
        let value = equals == pair.endIndex ? "" : String(Substring(pair[pair.index(after: equals)...]))
        return (String(Substring(pair[..<equals])), decode(value))
    }
}

/// Undoes the percent-encoding of a value in a predicate's description.
func percentDecoded(_ value: String) -> String {
    value.removingPercentEncoding ?? value
}
