extension MigrationRunner {
    /// Rolls back applied files, newest first, with their down sections; each file's
    /// down statements and the removal of its history row run in one transaction
    /// unless the file says `-- pglive:no-transaction`.
    ///
    /// Everything is checked before anything runs: a file without down statements, a
    /// modified or missing file, or a newer partly applied file refuses the whole command.
    /// - Parameter target: how many files, or down to which version (exclusive).
    /// - Returns: the steps that ran.
    @discardableResult
    public func down(_ target: MigrationDownTarget) throws -> [MigrationStep] {
        try refuseInvalidFiles()
        return try withLockedHistory { records in
            let steps = try MigrationPlanner.down(files: folder.files, history: records, target: target)
            let clock = ContinuousClock()
            for step in steps {
                report(.started(step))
                let start = clock.now
                try executeAtomically(step) { try history.delete(step.file.version) }
                report(.finished(step, milliseconds: (clock.now - start).milliseconds))
            }
            return steps
        }
    }
}
