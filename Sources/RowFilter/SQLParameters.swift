/// Collects bind values while SQL text is written, numbering them from a start.
struct SQLParameters {
    private(set) var values: [String] = []
    private let firstIndex: Int

    /// Starts numbering at `$firstIndex`.
    /// - Parameter firstIndex: the number of the first parameter.
    init(firstIndex: Int) {
        self.firstIndex = firstIndex
    }

    /// Adds a value and returns its placeholder, typed `text` (`$3::text`).
    /// - Parameter value: the value.
    mutating func bind(_ value: String) -> String {
        values.append(value)
        return "$\(firstIndex + values.count - 1)::text"
    }
}
