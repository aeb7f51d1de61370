/// Something wrong with a migration file or folder, found without a database.
///
/// Errors make `validate` fail and make the runner refuse to start; warnings are
/// reported and do not stop anything.
public enum MigrationProblem: Sendable, Hashable {
    /// A `.sql` file whose name is not `<version>_<name>.sql`.
    case invalidFileName(String)
    /// Several files with the same (numeric) version.
    case duplicateVersion(MigrationVersion, files: [String])
    /// The file is not valid UTF-8.
    case notUTF8(file: String)
    /// A second `-- migrate:down` line.
    case repeatedDownMarker(file: String, line: Int)
    /// A `-- pglive:` line that is not a known directive (a typo would otherwise be ignored).
    case unknownDirective(file: String, line: Int, directive: String)
    /// A quote, comment or dollar quote left open at the end of a section.
    case unterminated(file: String, construct: SQLUnterminatedConstruct)
    /// An up section without statements.
    case emptyUpSection(file: String)
    /// `BEGIN`, `COMMIT` and the like: the runner owns the transaction (or, in a
    /// no-transaction file, the progress record), so a file must not control it.
    case transactionControl(file: String, direction: MigrationDirection, statement: Int, line: Int, command: String)
    /// A statement PostgreSQL refuses inside a transaction, in a transactional file.
    case needsNoTransaction(file: String, direction: MigrationDirection, statement: Int, line: Int, command: String)
    /// A no-transaction file with several statements: if one fails, the earlier ones
    /// stay applied and the next `up` resumes after the last completed one.
    case severalStatementsWithoutTransaction(file: String, direction: MigrationDirection, count: Int)

    /// Whether the problem stops `validate` and the runner (otherwise it is a warning).
    public var isError: Bool {
        if case .severalStatementsWithoutTransaction = self { return false }
        return true
    }
}

extension MigrationProblem: CustomStringConvertible {
    /// A one-line message naming the file and, where known, the line.
    public var description: String {
        switch self {
        case .invalidFileName(let name):
            return "\(name): file name must be <version>_<name>.sql (version: digits; name: a-z, 0-9, _)"
        case .duplicateVersion(let version, let files):
            return "version \(version) is used by several files: \(files.joined(separator: ", "))"
        case .notUTF8(let file):
            return "\(file): not valid UTF-8"
        case .repeatedDownMarker(let file, let line):
            return "\(file):\(line): a second '\(MigrationFile.downMarker)' line"
        case .unknownDirective(let file, let line, let directive):
            return "\(file):\(line): unknown directive '\(directive)' (known: '\(MigrationFile.noTransactionDirective)')"
        case .unterminated(let file, let construct):
            return "\(file):\(construct.line): unterminated \(construct.kind)"
        case .emptyUpSection(let file):
            return "\(file): the up section has no statements"
        case .transactionControl(let file, let direction, let statement, let line, let command):
            return "\(file):\(line): \(direction) statement \(statement) is \(command); pglive manages transactions itself"
        case .needsNoTransaction(let file, let direction, let statement, let line, let command):
            return "\(file):\(line): \(direction) statement \(statement) (\(command)) cannot run in a transaction; "
                + "add a line '\(MigrationFile.noTransactionDirective)'"
        case .severalStatementsWithoutTransaction(let file, let direction, let count):
            return "\(file): \(count) \(direction) statements run without a transaction; if one fails the earlier ones "
                + "stay applied and the next run resumes after the last completed one"
        }
    }
}
