/// How a row's field compares with a filter value.
enum FieldOrdering: Hashable, Sendable {
    case less, equal, greater

    /// Orders two comparable values.
    /// - Parameters:
    ///   - lhs: the field's reading.
    ///   - rhs: the value's reading.
    init<T: Comparable>(_ lhs: T, _ rhs: T) {
        self = lhs < rhs ? .less : lhs == rhs ? .equal : .greater
    }

    /// Orders two texts byte by byte, as PostgreSQL's `"C"` collation does.
    /// - Parameters:
    ///   - lhs: the field's UTF-8.
    ///   - rhs: the value's UTF-8.
    init(_ lhs: String.UTF8View, _ rhs: String.UTF8View) {
        self = lhs.lexicographicallyPrecedes(rhs) ? .less : lhs.elementsEqual(rhs) ? .equal : .greater
    }
}
