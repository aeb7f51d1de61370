import PostgresLibPQ

extension MigrationRunner {
    /// Sends statements one by one, turning a server error into a failure that names the
    /// file, the statement and the file line.
    func execute(_ statements: some Sequence<MigrationStatement>, of step: MigrationStep) throws(MigrationError) {
        for statement in statements {
            do {
                try connection.execute(statement.text)
            } catch let error as PostgresError {
                throw .statementFailed(MigrationFailure(statement: statement, of: step.file, direction: step.direction, error: error))
            } catch {
                throw .statementFailed(MigrationFailure(
                    statement: statement, of: step.file, direction: step.direction,
                    error: PostgresError(.connection, message: String(describing: error))))
            }
        }
    }

    /// The error to report for a transactional step: a statement failure as it is, a
    /// database error outside the statements as a failure of recording and committing.
    static func failure(_ error: any Error, committing step: MigrationStep) -> MigrationError {
        if let error = error as? MigrationError { return error }
        let postgres = error as? PostgresError ?? PostgresError(.connection, message: String(describing: error))
        return .statementFailed(MigrationFailure(
            file: step.file.name, direction: step.direction, statement: nil, line: nil, error: postgres))
    }

    /// Runs a step's statements in one transaction together with `record`, or one by one
    /// in autocommit followed by `record` for a no-transaction file.
    func executeAtomically(_ step: MigrationStep, record: () throws -> Void) throws {
        guard step.file.isTransactional else {
            try execute(step.remainingStatements, of: step)
            try record()
            return
        }
        do {
            try connection.transaction { _ in
                try execute(step.remainingStatements, of: step)
                try record()
            }
        } catch {
            throw Self.failure(error, committing: step)
        }
    }
}
