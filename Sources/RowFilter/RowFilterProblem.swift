/// What is wrong with a row filter or one of its conditions.
///
/// Each case has a stable ``code`` for STOMP `ERROR` frames and HTTP error bodies, and a
/// one-line ``description`` for people.
public enum RowFilterProblem: Sendable, Hashable {
    /// More conditions than ``RowFilter/maximumConditions``.
    case tooManyConditions(count: Int, limit: Int)
    /// Nothing between two `&` (or a leading or trailing `&`).
    case emptyCondition
    /// No `=` after the column, or no `.` between operator and value.
    case missingOperator
    /// The column name is empty or not `[A-Za-z_][A-Za-z0-9_]*`.
    case invalidColumn(String)
    /// The column name is longer than ``RowFilter/maximumColumnLength`` bytes.
    case columnTooLong(length: Int, limit: Int)
    /// The operator is not one of `eq neq gt gte lt lte in is like`.
    case unknownOperator(String)
    /// `is.` is followed by something other than `null`, `true` or `false`.
    case invalidIsValue(String)
    /// An `in.` value that is not a parenthesised, comma-separated list.
    case invalidList(String)
    /// A double-quoted item of an `in.` list has no closing quote.
    case unbalancedQuote
    /// A `like.` pattern ends with the escape character `\`.
    case patternEndsWithEscape
    /// The value is longer than ``RowFilter/maximumValueLength`` bytes.
    case valueTooLong(length: Int, limit: Int)
    /// The value contains a NUL character, which PostgreSQL text cannot hold.
    case nulCharacter
}

extension RowFilterProblem: CustomStringConvertible {
    /// A stable, machine-readable name of the problem, such as `unknown_operator`.
    public var code: String {
        switch self {
        case .tooManyConditions: "too_many_conditions"
        case .emptyCondition: "empty_condition"
        case .missingOperator: "missing_operator"
        case .invalidColumn, .columnTooLong: "invalid_column"
        case .unknownOperator: "unknown_operator"
        case .invalidIsValue: "invalid_is_value"
        case .invalidList, .unbalancedQuote: "invalid_list"
        case .patternEndsWithEscape: "invalid_pattern"
        case .valueTooLong: "value_too_long"
        case .nulCharacter: "invalid_character"
        }
    }

    /// A one-line explanation of the problem.
    public var description: String {
        switch self {
        case .tooManyConditions(let count, let limit):
            "\(count) conditions, more than the limit of \(limit)"
        case .emptyCondition:
            "empty condition (two '&' in a row, or a leading or trailing '&')"
        case .missingOperator:
            "expected column=operator.value, for example amount=gt.100"
        case .invalidColumn(let column):
            column.isEmpty
                ? "empty column name"
                : "invalid column name '\(column)': expected letters, digits and '_', not starting with a digit"
        case .columnTooLong(let length, let limit):
            "column name of \(length) bytes, longer than the limit of \(limit)"
        case .unknownOperator(let name):
            "unknown operator '\(name)': expected one of eq, neq, gt, gte, lt, lte, in, is, like, optionally after 'not.'"
        case .invalidIsValue(let value):
            "invalid value '\(value)' for 'is': expected null, true or false"
        case .invalidList(let reason):
            "invalid 'in' list: \(reason)"
        case .unbalancedQuote:
            "invalid 'in' list: a double-quoted item has no closing quote"
        case .patternEndsWithEscape:
            "invalid 'like' pattern: it ends with the escape character '\\'"
        case .valueTooLong(let length, let limit):
            "value of \(length) bytes, longer than the limit of \(limit)"
        case .nulCharacter:
            "the value contains a NUL character"
        }
    }
}
