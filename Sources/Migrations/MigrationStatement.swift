/// One SQL statement of a migration section, as the runner sends it.
///
/// The text runs from the statement's first token to just before its terminating
/// semicolon; comments inside it are kept. `line` is the line of the first token in
/// the migration file, so an error position inside the statement maps to a file line.
public struct MigrationStatement: Sendable, Hashable {
    /// The 1-based number of the statement within its section.
    public let number: Int
    /// The 1-based line in the file where the statement starts.
    public let line: Int
    /// The statement text without the terminating semicolon.
    public let text: String
    /// The first few words outside strings and comments, lower-cased (for example
    /// `["create", "index", "concurrently", "orders_idx"]`), to recognise statement kinds.
    public let leadingWords: [String]

    /// Creates a statement.
    /// - Parameters:
    ///   - number: 1-based number within the section.
    ///   - line: 1-based file line of the first token.
    ///   - text: the statement text.
    ///   - leadingWords: the first words, lower-cased.
    public init(number: Int, line: Int, text: String, leadingWords: [String]) {
        self.number = number
        self.line = line
        self.text = text
        self.leadingWords = leadingWords
    }

    /// The file line of a PostgreSQL error position in this statement.
    /// - Parameter position: the 1-based character position PostgreSQL reported.
    /// - Returns: the 1-based line in the file; the statement's first line when the
    ///   position is missing or out of range.
    public func fileLine(ofErrorPosition position: Int?) -> Int {
        guard let position, position >= 1 else { return line }
        let newlines = text.unicodeScalars.prefix(position - 1).lazy.filter { $0 == "\n" }.count
        return line + newlines
    }
}
