extension MigrationRunner {
    /// Applies pending files in version order, each in its own transaction unless it
    /// says `-- pglive:no-transaction`; stops at the first failure.
    /// - Parameters:
    ///   - target: apply only files up to and including this version.
    ///   - allowOutOfOrder: also apply pending files older than the newest applied one.
    /// - Returns: the steps that ran.
    /// - Throws: ``MigrationError`` (refusals, a failed statement, the lock timeout) or
    ///   ``PostgresError`` for connection problems.
    @discardableResult
    public func up(to target: MigrationVersion? = nil, allowOutOfOrder: Bool = false) throws -> [MigrationStep] {
        try refuseInvalidFiles()
        return try withLockedHistory { records in
            reportMissingFiles(records)
            let steps = try MigrationPlanner.up(
                files: folder.files, history: records, target: target, allowOutOfOrder: allowOutOfOrder)
            for step in steps { try apply(step) }
            return steps
        }
    }

    /// What ``up(to:allowOutOfOrder:)`` would run now, without the lock and without writing.
    /// - Parameters:
    ///   - target: plan only files up to and including this version.
    ///   - allowOutOfOrder: also plan pending files older than the newest applied one.
    /// - Returns: the steps `up` would run; each is also reported as ``MigrationEvent/planned(_:)``.
    @discardableResult
    public func planUp(to target: MigrationVersion? = nil, allowOutOfOrder: Bool = false) throws -> [MigrationStep] {
        try refuseInvalidFiles()
        let records = try history.load()
        reportMissingFiles(records)
        let steps = try MigrationPlanner.up(
            files: folder.files, history: records, target: target, allowOutOfOrder: allowOutOfOrder)
        steps.forEach { report(.planned($0)) }
        return steps
    }

    /// Runs one up step and records it in the history.
    private func apply(_ step: MigrationStep) throws {
        report(.started(step))
        let clock = ContinuousClock()
        let start = clock.now
        let elapsed = { (clock.now - start).milliseconds }
        let file = step.file
        if file.isTransactional {
            do {
                try executeAtomically(step) {
                    try history.record(file, success: true, statementsDone: file.up.count, milliseconds: elapsed(), error: nil)
                }
            } catch {
                try? history.record(file, success: false, statementsDone: step.statementsDone, milliseconds: elapsed(),
                                    error: String(describing: error))
                throw error
            }
        } else {
            try applyWithoutTransaction(step, elapsed: elapsed)
        }
        report(.finished(step, milliseconds: elapsed()))
    }
}

extension MigrationRunner {
    /// Runs a no-transaction step statement by statement, recording progress after each
    /// one so that a later run resumes after the last completed statement.
    private func applyWithoutTransaction(_ step: MigrationStep, elapsed: () -> Int64) throws {
        let file = step.file
        var done = step.statementsDone
        try history.record(file, success: false, statementsDone: done, milliseconds: 0, error: nil)
        for statement in step.remainingStatements {
            do {
                try execute([statement], of: step)
            } catch {
                try? history.record(file, success: false, statementsDone: done, milliseconds: elapsed(),
                                    error: String(describing: error))
                throw error
            }
            done += 1
            try history.record(file, success: done == file.up.count, statementsDone: done,
                               milliseconds: elapsed(), error: nil)
        }
    }
}

extension Duration {
    /// The whole milliseconds of the duration.
    var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
