import ArgumentParser
import Migrations

/// `pglive migrate validate`: checks the files without a database.
struct MigrateValidate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check migration files offline: names, duplicate versions, directives, transaction use.")

    @ParentCommand var migrate: Migrate

    private struct Finding: Encodable {
        var severity: String
        var message: String
    }

    private struct Report: Encodable {
        var files: Int
        var problems: [Finding]
    }

    func run() throws {
        let options = migrate.options
        try options.perform { console in
            let folder = try options.loadFolder()
            let problems = folder.allProblems
            let findings = problems.map { Finding(severity: $0.isError ? "error" : "warning", message: $0.description) }
            if console.json {
                console.outputJSON(Report(files: folder.files.count, problems: findings))
            } else {
                findings.forEach { console.output("\($0.severity): \($0.message)") }
                console.output("\(folder.files.count) file(s), \(problems.filter(\.isError).count) error(s)")
            }
            if problems.contains(where: \.isError) { throw ExitCode(MigrateExitStatus.refused.rawValue) }
        }
    }
}
