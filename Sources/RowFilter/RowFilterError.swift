/// A row filter that cannot be parsed: which condition, and what is wrong with it.
///
/// Callers map it once at the edge: a STOMP `ERROR` frame for a `selector`, an HTTP 400
/// for REST query parameters.
///
/// ```swift
/// do {
///     _ = try RowFilter.parse(selector: "status=eq.open&amount=gt")
/// } catch {
///     print(error)  // condition 2 'amount=gt': expected column=operator.value, for example amount=gt.100
/// }
/// ```
public struct RowFilterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The 1-based position of the offending condition, or `nil` for the filter as a whole.
    public let conditionIndex: Int?
    /// The offending condition as written (`column=operator.value`), or `nil` for the filter as a whole.
    public let condition: String?
    /// What is wrong.
    public let problem: RowFilterProblem

    /// Creates an error.
    /// - Parameters:
    ///   - problem: what is wrong.
    ///   - conditionIndex: the 1-based position of the offending condition, if one.
    ///   - condition: the offending condition as written, if one.
    public init(_ problem: RowFilterProblem, conditionIndex: Int? = nil, condition: String? = nil) {
        self.problem = problem
        self.conditionIndex = conditionIndex
        self.condition = condition
    }

    /// The problem's stable code, such as `unknown_operator`.
    public var code: String { problem.code }

    /// A one-line message naming the condition and the problem.
    public var description: String {
        guard let conditionIndex else { return "invalid row filter: \(problem)" }
        let text = condition ?? ""
        let shown = text.count > 100 ? text.prefix(100) + "…" : Substring(text)
        return "condition \(conditionIndex) '\(shown)': \(problem)"
    }
}
