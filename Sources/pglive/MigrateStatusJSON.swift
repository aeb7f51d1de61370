import Foundation
import Migrations

/// The JSON document `status --json` prints.
struct MigrateStatusJSON: Encodable {
    struct Entry: Encodable {
        var version: String
        var file: String
        var state: MigrationStatusEntry.State
        var checksum: String?
        var appliedChecksum: String?
        var appliedAt: Date?
        var appliedBy: String?
        var executionMilliseconds: Int64?
        var error: String?
        var statementsDone: Int?
        var statementsTotal: Int?
        var transactional: Bool?

        enum CodingKeys: String, CodingKey {
            case version, file, state, checksum, error, transactional
            case appliedChecksum = "applied_checksum"
            case appliedAt = "applied_at"
            case appliedBy = "applied_by"
            case executionMilliseconds = "execution_ms"
            case statementsDone = "statements_done"
            case statementsTotal = "statements_total"
        }
    }

    var migrations: [Entry]
    var needsAttention: Bool

    enum CodingKeys: String, CodingKey {
        case migrations
        case needsAttention = "needs_attention"
    }

    init(entries: [MigrationStatusEntry]) {
        migrations = entries.map { entry in
            Entry(
                version: entry.version.text, file: entry.name, state: entry.state, checksum: entry.file?.checksum,
                appliedChecksum: entry.record?.checksum, appliedAt: entry.record?.appliedAt,
                appliedBy: entry.record?.appliedBy, executionMilliseconds: entry.record?.executionMilliseconds,
                error: entry.record?.error, statementsDone: entry.record?.statementsDone,
                statementsTotal: entry.file?.up.count, transactional: entry.file?.isTransactional)
        }
        needsAttention = entries.contains(where: \.needsAttention)
    }
}
