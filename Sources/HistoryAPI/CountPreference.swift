import Foundation
import HTTPTypes
import PostgresLibPQ

/// `Prefer: count=exact|estimated`: whether a JSON page also says how many items the whole
/// query selects, in `Content-Range` (`0-99/12345`, or `*/12345` on pages after the first).
/// Counting costs a second pass over the range, so it happens only when asked for.
enum CountPreference: String, Sendable {
    /// `count(*)` over the query, in the page's snapshot.
    case exact
    /// The planner's row estimate for the query: free, approximate.
    case estimated

    /// The preference in a `Prefer` header, if any.
    init?(prefer: String?) {
        guard let prefer else { return nil }
        let tokens = prefer.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let value = tokens.first(where: { $0.hasPrefix("count=") })?.dropFirst(6),
              let preference = CountPreference(rawValue: String(value))
        else { return nil }
        self = preference
    }

    /// Counts the rows a statement returns.
    /// - Parameters:
    ///   - sql: the statement, without paging.
    ///   - bindings: its parameters.
    ///   - connection: the page's connection.
    func count(_ sql: String, _ bindings: [any PostgresBindable], on connection: PGConnection) throws -> Int64 {
        switch self {
        case .exact:
            return try connection.query("SELECT count(*) AS n FROM (\(sql)) AS counted", bindings).rows[0].decode("n", as: Int64.self)
        case .estimated:
            let plan = try connection.query("EXPLAIN (FORMAT JSON) \(sql)", bindings).rows[0].decode(0, as: String.self)
            let document = try JSONSerialization.jsonObject(with: Data(plan.utf8)) as? [[String: Any]]
            let rows = (document?.first?["Plan"] as? [String: Any])?["Plan Rows"] as? NSNumber
            return rows?.int64Value ?? 0
        }
    }

    /// The `Content-Range` and `Preference-Applied` headers of a page.
    /// - Parameters:
    ///   - total: the count.
    ///   - shown: the items on this page.
    ///   - firstPage: whether the page starts the range (no cursor), so its offsets are known.
    func headers(total: Int64, shown: Int, firstPage: Bool) -> HTTPFields {
        let range = firstPage && shown > 0 ? "0-\(shown - 1)" : "*"
        return [.contentRange: "\(range)/\(total)", HTTPField.Name("Preference-Applied")!: "count=\(rawValue)"]
    }
}
