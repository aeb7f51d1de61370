import Foundation
import PGLiveServer
import PostgresTestSupport
import Testing

/// Command line, then `PGLIVE_*`, then the configuration file.
@Suite struct SettingSourcesTests {
    let file = """
        # a comment
        http-port = 7000
        stomp-port = 7001
        user = alice:secret
        user = bob:two words
        allow-anonymous = true

        """

    private func arguments(_ commandLine: [String], environment: [String: String] = [:]) throws -> [String] {
        try SettingSources.arguments(
            commandLine, settings: Setting.serve, environment: environment, readFile: { path in
                guard path == "pglive.conf" else { throw CocoaError(.fileNoSuchFile) }
                return file
            })
    }

    @Test func theCommandLineWinsOverTheEnvironmentWhichWinsOverTheFile() throws {
        let merged = try arguments(
            ["serve", "--config", "pglive.conf", "--http-port", "9000"], environment: ["PGLIVE_STOMP_PORT": "8001"])
        #expect(merged == [
            "serve", "--stomp-port", "8001", "--user", "alice:secret", "--user", "bob:two words", "--allow-anonymous",
            "--config", "pglive.conf", "--http-port", "9000",
        ])
    }

    @Test func aRepeatableSettingComesWholeFromTheHighestSource() throws {
        let merged = try arguments(["serve", "--config=pglive.conf", "--user", "carol:x"])
        #expect(merged.filter { $0.contains(":") } == ["carol:x"])
        let fromEnvironment = try arguments(["serve"], environment: ["PGLIVE_CONFIG": "pglive.conf", "PGLIVE_USER": "dave:y"])
        #expect(fromEnvironment.filter { $0.contains(":") } == ["dave:y"])
    }

    @Test func flagsAreTrueOrFalse() throws {
        #expect(try arguments(["serve"], environment: ["PGLIVE_ALLOW_ANONYMOUS": "false"]) == ["serve"])
        #expect(try arguments(["serve"], environment: ["PGLIVE_AUTO_CREATE_TOPICS": "yes"]) == ["serve", "--auto-create-topics"])
        #expect(throws: SettingsError("$PGLIVE_ALLOW_ANONYMOUS: allow-anonymous is true or false, not 'maybe'")) {
            try arguments(["serve"], environment: ["PGLIVE_ALLOW_ANONYMOUS": "maybe"])
        }
    }

    @Test func badFilesSayWhereAndWhy() {
        let bad: @Sendable (String) throws -> String = { _ in "http-port = 1\nhtp-port = 2\n" }
        #expect(throws: SettingsError(
            "x.conf:2: unknown setting 'htp-port'; known: \(Setting.serve.map(\.name).joined(separator: ", "))")) {
            try SettingSources.arguments(["serve", "--config", "x.conf"], settings: Setting.serve, environment: [:], readFile: bad)
        }
        #expect(throws: SettingsError("y.conf:1: expected name = value, found 'http-port 1'")) {
            try SettingSources.arguments(
                ["serve", "--config", "y.conf"], settings: Setting.serve, environment: [:], readFile: { _ in "http-port 1" })
        }
        #expect(throws: SettingsError.self) { try arguments(["serve", "--config", "missing.conf"]) }
    }

    @Test func everyOptionOfServeHelpIsASetting() async throws {
        let help = try await PGLiveProcess.run(["serve", "--help"]).stdout
        let options = Set(help.split(whereSeparator: \.isWhitespace).compactMap { word -> String? in
            guard word.hasPrefix("--"), word.count > 2 else { return nil }
            return String(word.dropFirst(2).prefix { $0.isLetter || $0 == "-" })
        })
        #expect(options == Set(Setting.serve.map(\.name) + ["config", "help"]))
    }
}
