import ArgumentParser
import Migrations

/// `pglive migrate repair`: fixes the history after a deliberate edit or a failed run.
struct MigrateRepair: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair", abstract: "Accept an edited applied file, or forget a failed run.")

    @ParentCommand var migrate: Migrate

    @Option(help: ArgumentHelp("Record the current checksum of this applied file.", valueName: "version"))
    var acceptChecksum: String?

    @Option(help: ArgumentHelp("Forget the failed run of this version so it is pending again.", valueName: "version"))
    var clearFailed: String?

    func validate() throws {
        _ = try action()
    }

    func run() throws {
        let options = migrate.options
        try options.perform { console in
            let runner = try options.makeRunner(console: console)
            switch try action() {
            case .acceptChecksum(let version):
                try runner.acceptChecksum(of: version)
                report(console, action: "checksum_accepted", version: version)
            case .clearFailed(let version):
                try runner.clearFailure(of: version)
                report(console, action: "failure_cleared", version: version)
            }
        }
    }

    private enum Action {
        case acceptChecksum(MigrationVersion)
        case clearFailed(MigrationVersion)
    }

    private func action() throws -> Action {
        switch (acceptChecksum, clearFailed) {
        case (.some(let version), nil): return .acceptChecksum(try parseVersion(version, option: "--accept-checksum"))
        case (nil, .some(let version)): return .clearFailed(try parseVersion(version, option: "--clear-failed"))
        default: throw ValidationError("give exactly one of --accept-checksum VERSION and --clear-failed VERSION")
        }
    }

    private func report(_ console: MigrateConsole, action: String, version: MigrationVersion) {
        if console.json {
            console.outputJSON(["event": action, "version": version.text])
        } else {
            console.output("\(action.replacingOccurrences(of: "_", with: " ")) for version \(version)")
        }
    }
}
