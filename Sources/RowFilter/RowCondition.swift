/// One `column=[not.]operator.value` condition of a row filter.
public struct RowCondition: Hashable, Sendable {
    /// The top-level field of the row's JSON object the condition tests.
    public let column: String
    /// Whether the condition was written with `not.`.
    public let isNegated: Bool
    /// The operator and its value.
    public let operation: RowOperation
}
