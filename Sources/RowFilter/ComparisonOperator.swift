/// The comparison operators of the filter grammar.
public enum ComparisonOperator: String, Hashable, Sendable, CaseIterable {
    /// `eq`: equal.
    case equal = "eq"
    /// `neq`: not equal.
    case notEqual = "neq"
    /// `gt`: greater than.
    case greater = "gt"
    /// `gte`: greater than or equal.
    case greaterOrEqual = "gte"
    /// `lt`: less than.
    case less = "lt"
    /// `lte`: less than or equal.
    case lessOrEqual = "lte"

    /// The SQL operator.
    var sql: String {
        switch self {
        case .equal: "="
        case .notEqual: "<>"
        case .greater: ">"
        case .greaterOrEqual: ">="
        case .less: "<"
        case .lessOrEqual: "<="
        }
    }

    /// Whether the operator holds for a field that is `ordering` relative to the value.
    /// - Parameter ordering: how the field compares with the value.
    func holds(for ordering: FieldOrdering) -> Bool {
        switch self {
        case .equal: ordering == .equal
        case .notEqual: ordering != .equal
        case .greater: ordering == .greater
        case .greaterOrEqual: ordering != .less
        case .less: ordering == .less
        case .lessOrEqual: ordering != .greater
        }
    }
}
