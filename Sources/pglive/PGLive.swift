import ArgumentParser
import Foundation
import PGLiveServer

@main
struct PGLive: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pglive",
        abstract: "Publishes PostgreSQL row changes over STOMP/WebSocket.",
        subcommands: [Serve.self, Demo.self, Migrate.self, Bench.self, Token.self, HashPassword.self])

    /// Parses the command line, with `pglive serve`'s settings also read from `PGLIVE_*`
    /// variables and a configuration file (``SettingSources``), and runs the command.
    static func main() async {
        var arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "serve" {
            do {
                arguments = try SettingSources.arguments(
                    arguments, settings: Setting.serve, environment: ProcessInfo.processInfo.environment,
                    readFile: { try String(contentsOfFile: $0, encoding: .utf8) })
            } catch {
                FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
                Foundation.exit(ExitCode.validationFailure.rawValue)
            }
        }
        do {
            var command = try parseAsRoot(arguments)
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
