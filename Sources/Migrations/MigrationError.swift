import Foundation

/// Why a migration command refused or failed. Each case has a one-line message naming
/// the file or version concerned; the CLI maps the cases to exit statuses.
public enum MigrationError: Error, Sendable, Equatable {
    /// The folder or a file in it cannot be read.
    case folderUnreadable(path: String, reason: String)
    /// A file cannot be written (`new`).
    case fileNotWritable(path: String, reason: String)
    /// Errors found by validation; nothing ran.
    case invalidFiles([MigrationProblem])
    /// Applied files whose checksum changed.
    case modified([String])
    /// Pending files older than the newest applied one.
    case outOfOrder([String], highestApplied: String)
    /// A file to roll back has no down statements.
    case noDownSection(String)
    /// A file to roll back is no longer in the folder.
    case missingFile(String)
    /// A newer no-transaction file is partly applied, so rolling back below it is refused.
    case partlyAppliedBlocksDown(String)
    /// A partly applied no-transaction file changed in the statements that already ran.
    case partlyAppliedFileChanged(String, statementsDone: Int)
    /// A statement failed; a transactional file was rolled back completely.
    case statementFailed(MigrationFailure)
    /// The migration lock was not free within the lock timeout.
    case lockTimeout(seconds: Double, holder: MigrationLockHolder?)
    /// No migration file has this version.
    case unknownVersion(MigrationVersion)
    /// The history has no applied row for this version (`repair --accept-checksum`).
    case notApplied(MigrationVersion)
    /// The history has no failed row for this version (`repair --clear-failed`).
    case notFailed(MigrationVersion)
    /// A name for `new` that is not lower-case letters, digits and underscores.
    case invalidName(String)
}

extension MigrationError: CustomStringConvertible {
    /// A one-line message for the terminal.
    public var description: String {
        switch self {
        case .folderUnreadable(let path, let reason):
            return "cannot read \(path): \(reason)"
        case .fileNotWritable(let path, let reason):
            return "cannot write \(path): \(reason)"
        case .invalidFiles(let problems):
            let first = problems.first.map(String.init(describing:)) ?? "invalid migration files"
            return problems.count > 1 ? "\(first) (and \(problems.count - 1) more; run 'pglive migrate validate')" : first
        case .modified(let files):
            return "applied migration changed since it ran: \(files.joined(separator: ", ")) "
                + "(restore it, or accept it with 'repair --accept-checksum VERSION')"
        case .outOfOrder(let files, let highest):
            return "pending migration older than the newest applied one (\(highest)): \(files.joined(separator: ", ")) "
                + "(use --allow-out-of-order to apply)"
        case .noDownSection(let file):
            return "\(file) has no statements after '\(MigrationFile.downMarker)'; it cannot be rolled back"
        case .missingFile(let file):
            return "\(file) is applied but no longer in the folder; it cannot be rolled back"
        case .partlyAppliedBlocksDown(let file):
            return "\(file) is partly applied (no-transaction file that failed); finish it with 'up' "
                + "or clear it with 'repair --clear-failed' first"
        case .partlyAppliedFileChanged(let file, let done):
            return "\(file) failed after \(done) completed statement(s), and those statements changed since; "
                + "restore them, or undo them by hand and run 'repair --clear-failed'"
        case .statementFailed(let failure):
            return failure.description
        case .lockTimeout(let seconds, let holder):
            let who = holder.map { "; held by \($0)" } ?? ""
            return "the migration lock was not free within \(Self.format(seconds)) s\(who)"
        case .unknownVersion(let version):
            return "no migration file has version \(version)"
        case .notApplied(let version):
            return "version \(version) is not recorded as applied"
        case .notFailed(let version):
            return "version \(version) has no failed run recorded"
        case .invalidName(let name):
            return "invalid migration name '\(name)': use a-z, 0-9 and _, starting with a letter or digit, "
                + "at most \(MigrationFileName.maximumNameLength) characters"
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }
}
