/// Splits SQL text into statements at top-level semicolons, the way `psql` does.
///
/// Semicolons do not end a statement inside single-quoted strings (`''` escapes a
/// quote), `E''` strings (a backslash escapes the next character), double-quoted
/// identifiers, dollar-quoted text (`$$ … $$`, `$tag$ … $tag$`), `--` line comments,
/// nested `/* … */` comments, parentheses, or the `BEGIN ATOMIC … END` body of a
/// `CREATE [OR REPLACE] FUNCTION|PROCEDURE`. Empty statements and comment-only tails
/// are dropped. Pure: no I/O.
///
/// ```swift
/// let split = SQLStatementSplitter.split("CREATE TABLE t (a text DEFAULT ';');\nSELECT 1;")
/// // split.statements.map(\.line) == [1, 2]
/// ```
public enum SQLStatementSplitter {
    /// The statements of a text and whether it ended inside an unterminated construct.
    public struct Result: Sendable, Hashable {
        /// The statements in order, numbered from 1.
        public var statements: [MigrationStatement]
        /// The construct the text ended inside, if any (for example an unclosed quote).
        public var unterminated: SQLUnterminatedConstruct?
    }

    /// Splits `text` into statements.
    /// - Parameters:
    ///   - text: SQL text with `\n` line endings.
    ///   - firstLine: the file line `text` starts at, so statement lines are file lines.
    /// - Returns: the statements and any unterminated construct at the end.
    public static func split(_ text: String, firstLine: Int = 1) -> Result {
        var scanner = SQLScanner(bytes: Array(text.utf8), firstLine: firstLine)
        return scanner.run()
    }
}

/// A quote, comment or dollar-quoted text that was still open at the end of the SQL text.
public struct SQLUnterminatedConstruct: Sendable, Hashable {
    /// What was left open, for example `"single-quoted string"`.
    public var kind: String
    /// The 1-based file line where it starts.
    public var line: Int

    /// Creates a description of an unterminated construct.
    /// - Parameters:
    ///   - kind: what was left open.
    ///   - line: where it starts.
    public init(kind: String, line: Int) {
        self.kind = kind
        self.line = line
    }
}
