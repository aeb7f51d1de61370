import Foundation

/// Merges a command's settings from its three sources into one argument list, with one
/// precedence: the command line, then `PGLIVE_*` environment variables, then the
/// configuration file (`--config FILE` or `PGLIVE_CONFIG`).
///
/// A setting comes whole from the highest source that has it (a `--user` on the command
/// line replaces every `user` of the file). The result is the command line with the
/// lower sources' settings inserted as ordinary options, so the argument parser checks
/// them all the same way.
///
/// ```swift
/// let arguments = try SettingSources.arguments(
///     ["serve", "--http-port", "9000"], settings: Setting.serve,
///     environment: ProcessInfo.processInfo.environment, readFile: { try String(contentsOfFile: $0, encoding: .utf8) })
/// ```
public enum SettingSources {
    /// The file option and variable.
    static let configOption = "config"

    /// The arguments to parse.
    /// - Parameters:
    ///   - commandLine: the arguments after the program name, the subcommand first.
    ///   - settings: the subcommand's settings.
    ///   - environment: the process environment.
    ///   - readFile: reads the configuration file.
    /// - Throws: ``SettingsError`` for an unreadable or invalid file or variable.
    public static func arguments(
        _ commandLine: [String], settings: [Setting], environment: [String: String], readFile: (String) throws -> String
    ) throws(SettingsError) -> [String] {
        guard let subcommand = commandLine.first else { return commandLine }
        let given = Set(commandLine.dropFirst().compactMap(optionName))
        var inserted: [String] = []
        let file = try configurationFile(commandLine, environment: environment, readFile: readFile)
        for setting in settings where !given.contains(setting.name) {
            if let value = environment[setting.environmentName] {
                inserted += try arguments(for: setting, values: [value], source: "$\(setting.environmentName)")
            } else if let entries = file?.entries.filter({ $0.name == setting.name }), !entries.isEmpty {
                inserted += try arguments(
                    for: setting, values: entries.map(\.value), source: "\(file!.path):\(entries[0].line)")
            }
        }
        if let file, let unknown = file.entries.first(where: { entry in !settings.contains { $0.name == entry.name } }) {
            throw SettingsError(
                "\(file.path):\(unknown.line): unknown setting '\(unknown.name)'; known: \(settings.map(\.name).joined(separator: ", "))")
        }
        return [subcommand] + inserted + commandLine.dropFirst()
    }

    /// The option a command-line argument names (`--http-port` or `--http-port=9000`), if it is one.
    private static func optionName(_ argument: String) -> String? {
        guard argument.hasPrefix("--"), argument.count > 2 else { return nil }
        return String(argument.dropFirst(2).prefix { $0 != "=" })
    }

    /// The configuration file named by `--config` or `PGLIVE_CONFIG`, parsed.
    private static func configurationFile(
        _ commandLine: [String], environment: [String: String], readFile: (String) throws -> String
    ) throws(SettingsError) -> SettingsFile? {
        var path = environment["PGLIVE_CONFIG"]
        for (index, argument) in commandLine.enumerated() {
            if argument == "--\(configOption)", index + 1 < commandLine.count {
                path = commandLine[index + 1]
            } else if argument.hasPrefix("--\(configOption)=") {
                path = String(argument.dropFirst(configOption.count + 3))
            }
        }
        guard let path else { return nil }
        let text: String
        do {
            text = try readFile(path)
        } catch {
            throw SettingsError("cannot read the configuration file \(path): \(error.localizedDescription)")
        }
        return try SettingsFile(path: path, text: text)
    }

    /// The options for a setting's values from one source.
    private static func arguments(for setting: Setting, values: [String], source: String) throws(SettingsError) -> [String] {
        switch setting.kind {
        case .flag:
            switch values.last!.lowercased() {
            case "true", "yes", "on", "1": return ["--\(setting.name)"]
            case "false", "no", "off", "0": return []
            default: throw SettingsError("\(source): \(setting.name) is true or false, not '\(values.last!)'")
            }
        case .value:
            return ["--\(setting.name)", values.last!]
        case .repeatable:
            return values.flatMap { ["--\(setting.name)", $0] }
        }
    }
}

/// A configuration file or variable that cannot be used, with where and why.
public struct SettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message, naming the file and line or the variable.
    public let description: String

    /// Creates an error.
    /// - Parameter description: the message.
    public init(_ description: String) {
        self.description = description
    }
}
