/// Decides which files `up` applies and `down` rolls back, from the files and the
/// history alone. Pure: no I/O, so every rule is unit-tested.
///
/// ```swift
/// let steps = try MigrationPlanner.up(files: folder.files, history: rows, target: nil, allowOutOfOrder: false)
/// ```
public enum MigrationPlanner {
    /// The files `up` applies, in version order.
    ///
    /// Refuses when an applied file was modified, when a pending file is older than the
    /// newest applied one (unless `allowOutOfOrder`), or when a partly applied
    /// no-transaction file changed in the statements that already ran. A failed file is
    /// retried; a partly applied one resumes after its completed statements.
    /// - Parameters:
    ///   - files: the folder's files.
    ///   - history: the history rows.
    ///   - target: apply only files up to and including this version.
    ///   - allowOutOfOrder: apply files older than the newest applied one too.
    /// - Returns: the steps to run.
    public static func up(
        files: [MigrationFile], history: [MigrationHistoryRecord], target: MigrationVersion?, allowOutOfOrder: Bool
    ) throws(MigrationError) -> [MigrationStep] {
        let records = Dictionary(history.map { ($0.version, $0) }, uniquingKeysWith: { first, _ in first })
        let modified = files.filter { file in
            records[file.version].map { $0.success && $0.checksum != file.checksum } ?? false
        }
        guard modified.isEmpty else { throw .modified(modified.map(\.name)) }
        var steps: [MigrationStep] = []
        for file in files.sorted(by: { $0.version < $1.version }) where records[file.version]?.success != true {
            if let target, file.version > target { continue }
            let done = try statementsDone(of: file, record: records[file.version])
            steps.append(MigrationStep(file: file, direction: .up, statementsDone: done))
        }
        if let highest = history.filter(\.success).max(by: { $0.version < $1.version }), !allowOutOfOrder {
            let older = steps.filter { $0.file.version < highest.version }
            guard older.isEmpty else { throw .outOfOrder(older.map(\.file.name), highestApplied: highest.name) }
        }
        return steps
    }

    /// The files `down` rolls back, newest first.
    ///
    /// Refuses (before anything runs) when a file to roll back is gone, was modified,
    /// or has no down statements, and when a newer no-transaction file is partly applied.
    /// - Parameters:
    ///   - files: the folder's files.
    ///   - history: the history rows.
    ///   - target: how many files, or down to which version.
    /// - Returns: the steps to run.
    public static func down(
        files: [MigrationFile], history: [MigrationHistoryRecord], target: MigrationDownTarget
    ) throws(MigrationError) -> [MigrationStep] {
        let applied = history.filter(\.success).sorted { $0.version > $1.version }
        let selected = switch target {
        case .steps(let count): Array(applied.prefix(max(0, count)))
        case .version(let version): applied.filter { $0.version > version }
        }
        if let lowest = selected.last?.version,
           let partial = history.first(where: { !$0.success && $0.statementsDone > 0 && $0.version > lowest }) {
            throw .partlyAppliedBlocksDown(partial.name)
        }
        let byVersion = Dictionary(files.map { ($0.version, $0) }, uniquingKeysWith: { first, _ in first })
        return try selected.map { record throws(MigrationError) in
            guard let file = byVersion[record.version] else { throw .missingFile(record.name) }
            guard file.checksum == record.checksum else { throw .modified([file.name]) }
            guard let down = file.down, !down.isEmpty else { throw .noDownSection(file.name) }
            return MigrationStep(file: file, direction: .down)
        }
    }

    /// History rows whose file is gone.
    /// - Parameters:
    ///   - files: the folder's files.
    ///   - history: the history rows.
    public static func missingFiles(files: [MigrationFile], history: [MigrationHistoryRecord]) -> [MigrationHistoryRecord] {
        let versions = Set(files.map(\.version))
        return history.filter { !versions.contains($0.version) }
    }

    /// How many statements of a partly applied file already ran, checking they are unchanged.
    private static func statementsDone(of file: MigrationFile, record: MigrationHistoryRecord?) throws(MigrationError) -> Int {
        guard let record, record.statementsDone > 0 else { return 0 }
        let done = file.up.prefix(record.statementsDone).map(\.text)
        guard done.count == record.statementsDone,
              MigrationChecksum.of(statements: done) == record.statementsDoneChecksum
        else { throw .partlyAppliedFileChanged(file.name, statementsDone: record.statementsDone) }
        return record.statementsDone
    }
}
