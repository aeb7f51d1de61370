import Foundation
import Migrations

/// The text table `status` prints: one line per migration, then a summary.
struct MigrateStatusTable {
    let entries: [MigrationStatusEntry]

    var lines: [String] {
        guard !entries.isEmpty else { return ["no migrations"] }
        let width = max(7, entries.map(\.version.text.count).max() ?? 0)
        let header = Self.pad("VERSION", width) + "  " + Self.pad("STATE", 12) + "  " + Self.pad("APPLIED AT", 20) + "  FILE"
        let rows = entries.map { entry in
            Self.pad(entry.version.text, width) + "  " + Self.pad(entry.state.rawValue, 12) + "  "
                + Self.pad(appliedAt(entry), 20) + "  " + entry.name + note(entry)
        }
        let counts = Dictionary(grouping: entries, by: \.state).mapValues(\.count)
        let summary = MigrationStatusEntry.State.allCases.compactMap { state in
            counts[state].map { "\($0) \(state.rawValue)" }
        }
        return [header] + rows + [summary.joined(separator: ", ")]
    }

    private func appliedAt(_ entry: MigrationStatusEntry) -> String {
        guard let record = entry.record, record.success else { return "-" }
        return record.appliedAt.formatted(.iso8601)
    }

    private func note(_ entry: MigrationStatusEntry) -> String {
        guard entry.state == .failed, let record = entry.record else { return "" }
        let total = entry.file?.up.count
        let progress = entry.file?.isTransactional == false
            ? " \(record.statementsDone)/\(total.map(String.init) ?? "?") statements done;" : ""
        return "  (\(progress.isEmpty ? "" : progress + " ")\(record.error ?? "did not finish"))"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
