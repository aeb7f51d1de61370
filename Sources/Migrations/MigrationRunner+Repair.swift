extension MigrationRunner {
    /// Marks every file up to and including `version` as applied without running it,
    /// for a database whose schema already matches those files.
    /// - Parameter version: the version of an existing file.
    /// - Returns: the files newly marked applied (already applied ones are left alone).
    @discardableResult
    public func baseline(through version: MigrationVersion) throws -> [MigrationFile] {
        try refuseInvalidFiles()
        guard folder.file(version) != nil else { throw MigrationError.unknownVersion(version) }
        return try withLockedHistory { records in
            let applied = Set(records.filter(\.success).map(\.version))
            let files = folder.files.filter { $0.version <= version && !applied.contains($0.version) }
            try connection.transaction { _ in
                for file in files {
                    try history.record(file, success: true, statementsDone: file.up.count, milliseconds: 0, error: nil)
                }
            }
            files.forEach { report(.baselined($0)) }
            return files
        }
    }

    /// Records the current checksum of an applied file that was edited on purpose.
    /// - Parameter version: the version of an applied file that still exists.
    public func acceptChecksum(of version: MigrationVersion) throws {
        guard let file = folder.file(version) else { throw MigrationError.unknownVersion(version) }
        try withLockedHistory { records in
            guard records.contains(where: { $0.version == version && $0.success }) else {
                throw MigrationError.notApplied(version)
            }
            try history.acceptChecksum(version, checksum: file.checksum)
        }
    }

    /// Forgets a failed run so the file counts as pending again. For a partly applied
    /// no-transaction file, undo its completed statements by hand first: the next `up`
    /// runs the whole file.
    /// - Parameter version: the version of a failed history row.
    public func clearFailure(of version: MigrationVersion) throws {
        try withLockedHistory { records in
            guard records.contains(where: { $0.version == version && !$0.success }) else {
                throw MigrationError.notFailed(version)
            }
            try history.delete(version)
        }
    }
}
