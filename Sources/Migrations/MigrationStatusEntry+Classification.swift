extension MigrationStatusEntry {
    /// Classifies every file and every history row. Pure.
    /// - Parameters:
    ///   - files: the folder's files.
    ///   - history: the rows of the history table.
    /// - Returns: one entry per version, in version order.
    public static func classify(files: [MigrationFile], history: [MigrationHistoryRecord]) -> [MigrationStatusEntry] {
        let records = Dictionary(history.map { ($0.version, $0) }, uniquingKeysWith: { first, _ in first })
        let highestApplied = history.filter(\.success).map(\.version).max()
        var entries = files.map { file in
            let record = records[file.version]
            return MigrationStatusEntry(
                version: file.version, name: file.name,
                state: state(of: file, record: record, highestApplied: highestApplied),
                file: file, record: record)
        }
        let fileVersions = Set(files.map(\.version))
        for record in history where !fileVersions.contains(record.version) {
            entries.append(MigrationStatusEntry(
                version: record.version, name: record.name, state: .missing, file: nil, record: record))
        }
        return entries.sorted { $0.version < $1.version }
    }

    private static func state(of file: MigrationFile, record: MigrationHistoryRecord?, highestApplied: MigrationVersion?) -> State {
        guard let record else {
            if let highestApplied, file.version < highestApplied { return .outOfOrder }
            return .pending
        }
        if !record.success { return .failed }
        return record.checksum == file.checksum ? .applied : .modified
    }
}
