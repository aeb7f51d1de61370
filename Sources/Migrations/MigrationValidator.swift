/// The offline checks of migration files: what `validate` reports and what the runner
/// refuses before touching the database. Pure: no I/O.
///
/// ```swift
/// let errors = MigrationValidator.problems(in: folder.files).filter(\.isError)
/// ```
public enum MigrationValidator {
    /// Every problem of the given files: parse problems, empty up sections, transaction
    /// control, statements that need `-- pglive:no-transaction`, and (as a warning)
    /// no-transaction sections with several statements.
    /// - Parameter files: parsed migration files.
    /// - Returns: the problems in file order.
    public static func problems(in files: [MigrationFile]) -> [MigrationProblem] {
        files.flatMap(problems(in:))
    }

    /// The problems of one file.
    /// - Parameter file: a parsed migration file.
    public static func problems(in file: MigrationFile) -> [MigrationProblem] {
        var problems = file.problems
        if file.up.isEmpty { problems.append(.emptyUpSection(file: file.name)) }
        for direction in [MigrationDirection.up, .down] {
            let statements = file.statements(direction)
            for statement in statements {
                if let command = statement.transactionControlCommand {
                    problems.append(.transactionControl(
                        file: file.name, direction: direction, statement: statement.number, line: statement.line, command: command))
                }
                if file.isTransactional, let command = statement.autocommitOnlyCommand {
                    problems.append(.needsNoTransaction(
                        file: file.name, direction: direction, statement: statement.number, line: statement.line, command: command))
                }
            }
            if !file.isTransactional, statements.count > 1 {
                problems.append(.severalStatementsWithoutTransaction(file: file.name, direction: direction, count: statements.count))
            }
        }
        return problems
    }
}
