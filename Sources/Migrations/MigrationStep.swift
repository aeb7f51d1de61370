/// One file to run in one direction, as planned by ``MigrationPlanner``.
public struct MigrationStep: Sendable, Hashable {
    /// The file.
    public let file: MigrationFile
    /// Up (apply) or down (roll back).
    public let direction: MigrationDirection
    /// How many of the section's statements already ran (a resumed no-transaction file).
    public let statementsDone: Int

    /// Creates a step.
    /// - Parameters:
    ///   - file: the file.
    ///   - direction: up or down.
    ///   - statementsDone: statements to skip because they already ran.
    public init(file: MigrationFile, direction: MigrationDirection, statementsDone: Int = 0) {
        self.file = file
        self.direction = direction
        self.statementsDone = statementsDone
    }

    /// The statements this step still has to run.
    public var remainingStatements: ArraySlice<MigrationStatement> {
        file.statements(direction).dropFirst(statementsDone)
    }
}

/// How far `down` rolls back.
public enum MigrationDownTarget: Sendable, Hashable {
    /// The given number of most recently applied files (by version).
    case steps(Int)
    /// Every applied file with a version above this one.
    case version(MigrationVersion)
}
