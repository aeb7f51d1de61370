import Foundation
import Migrations

/// Where `pglive migrate` writes: progress and results to standard output (text, or one
/// JSON object per line with `--json`), waiting notices and errors to standard error.
/// Writes go straight to the file descriptors, unbuffered, so progress shows at once.
struct MigrateConsole {
    let json: Bool

    /// Writes a line to standard output.
    /// - Parameter line: the text, without a newline.
    func output(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Writes an encodable value as one line of JSON to standard output.
    /// - Parameter value: the value.
    func outputJSON(_ value: some Encodable) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = (try? encoder.encode(value)) ?? Data(#"{"event":"unencodable"}"#.utf8)
        output(String(decoding: data, as: UTF8.self))
    }

    /// Writes a notice to standard error.
    /// - Parameter line: the text.
    func notice(_ line: String) {
        FileHandle.standardError.write(Data(("pglive migrate: " + Self.oneLine(line) + "\n").utf8))
    }

    /// Writes an error to standard error as one line.
    /// - Parameter message: the message.
    func error(_ message: String) {
        notice("error: " + message)
    }

    /// Reports a runner event.
    /// - Parameter event: the event.
    func report(_ event: MigrationEvent) {
        if json {
            outputJSON(MigrateEventJSON(event))
            return
        }
        switch event {
        case .waitingForLock(let holder):
            notice("waiting for the migration lock, held by \(holder.map(String.init(describing:)) ?? "another session")")
        case .lockAcquired(let waited):
            notice("acquired the migration lock after \(waited) ms")
        case .started:
            break
        case .finished(let step, let milliseconds):
            output("\(step.direction == .up ? "applied" : "rolled back") \(step.file.name) (\(milliseconds) ms)")
        case .planned(let step):
            let resume = step.statementsDone > 0 ? " (resuming after statement \(step.statementsDone))" : ""
            output("would apply \(step.file.name)\(resume)")
        case .baselined(let file):
            output("marked applied \(file.name)")
        case .warning(let message):
            notice("warning: " + message)
        }
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "; ")
    }
}
