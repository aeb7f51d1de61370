/// A history request's query parameters, percent-decoded, in request order, split into
/// the named controls (`limit`, `cursor`, …) and the row filter conditions.
public struct HistoryParameters: Sendable, Equatable {
    /// The parameters the endpoint defines, by name; each may appear once.
    public let controls: [String: String]
    /// Every other parameter: a filter condition `column=operator.value`.
    public let conditions: [(String, String)]
    /// The query's identity for cursors: endpoint, topic and every parameter but `limit`,
    /// `cursor` and `format`, sorted, so the same query in another order is the same query.
    public let fingerprint: String

    /// Parameters excluded from the fingerprint: they change a page's size or encoding, not the query.
    static let unsigned: Set<String> = ["limit", "cursor", "format"]

    /// Splits the parameters.
    /// - Parameters:
    ///   - pairs: `(name, value)` pairs in request order.
    ///   - controlNames: the names the endpoint defines.
    ///   - scope: the endpoint and topic, e.g. `events/orders`.
    /// - Throws: ``HistoryError/Code/invalidParameter`` when a control is repeated.
    public init(_ pairs: [(String, String)], controlNames: Set<String>, scope: String) throws(HistoryError) {
        var controls: [String: String] = [:]
        var conditions: [(String, String)] = []
        for (name, value) in pairs {
            if controlNames.contains(name) {
                guard controls[name] == nil else {
                    throw HistoryError(.invalidParameter, "parameter \(name) is given more than once")
                }
                controls[name] = value
            } else {
                conditions.append((name, value))
            }
        }
        self.controls = controls
        self.conditions = conditions
        let signed = pairs.filter { !Self.unsigned.contains($0.0) }.map { "\($0.0)=\($0.1)" }.sorted()
        self.fingerprint = ([scope] + signed).joined(separator: "\u{0}")
    }

    public static func == (lhs: HistoryParameters, rhs: HistoryParameters) -> Bool {
        lhs.controls == rhs.controls && lhs.fingerprint == rhs.fingerprint
            && lhs.conditions.elementsEqual(rhs.conditions) { $0 == $1 }
    }

    /// A control parsed as a position (a non-negative integer), or `nil` when absent.
    /// - Parameter name: the control.
    /// - Throws: ``HistoryError/Code/invalidParameter`` for anything else.
    func position(_ name: String) throws(HistoryError) -> Int64? {
        guard let text = controls[name] else { return nil }
        guard Self.isDecimal(text), let value = Int64(text) else {
            throw HistoryError(.invalidParameter, "\(name) must be a position (a non-negative integer)", detail: "\(name)=\(text)")
        }
        return value
    }

    /// The most items a response holds: for a JSON page `limit` or the default page size;
    /// for a stream `limit` if given, else no limit (`nil`).
    func pageLimit(for format: ResponseFormat, configuration: HistoryConfiguration) throws(HistoryError) -> Int? {
        if format == .json {
            return try limit(default: configuration.defaultLimit, maximum: configuration.maxLimit)
        }
        return controls["limit"] == nil ? nil : try limit(default: 0, maximum: .max)
    }

    /// The page size: `limit` if given (1 … `maximum`), else `defaultLimit`.
    /// - Throws: ``HistoryError/Code/limitTooHigh`` above the maximum,
    ///   ``HistoryError/Code/invalidParameter`` for a non-positive or non-numeric limit.
    func limit(default defaultLimit: Int, maximum: Int) throws(HistoryError) -> Int {
        guard let text = controls["limit"] else { return defaultLimit }
        guard Self.isDecimal(text), let value = Int(text), value >= 1 else {
            throw HistoryError(.invalidParameter, "limit must be a positive integer", detail: "limit=\(text)")
        }
        guard value <= maximum else {
            throw HistoryError(
                .limitTooHigh, "limit \(value) is above the maximum \(maximum)",
                detail: "ask for at most \(maximum) per page and follow next_cursor, or export with Accept: application/x-ndjson or text/csv")
        }
        return value
    }

    /// Whether a value is plain decimal digits: no sign, no spaces, as the OpenAPI document says.
    private static func isDecimal(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (48...57).contains($0) }
    }
}
