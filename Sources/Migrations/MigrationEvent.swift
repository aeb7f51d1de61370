/// Progress the runner reports while it works, for the terminal or for `--json`.
public enum MigrationEvent: Sendable, Hashable {
    /// Another session holds the migration lock (reported when the holder changes).
    case waitingForLock(MigrationLockHolder?)
    /// The lock was acquired after waiting.
    case lockAcquired(waitedMilliseconds: Int64)
    /// A step starts.
    case started(MigrationStep)
    /// A step finished.
    case finished(MigrationStep, milliseconds: Int64)
    /// A step `--dry-run` would run.
    case planned(MigrationStep)
    /// A file was marked applied by `baseline` without running.
    case baselined(MigrationFile)
    /// Something worth knowing that does not stop the run (a missing file, a warning).
    case warning(String)
}
