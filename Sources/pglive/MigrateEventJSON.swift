import Foundation
import Migrations

/// The JSON line written for a runner event with `--json`.
struct MigrateEventJSON: Encodable {
    var event: String
    var file: String?
    var version: String?
    var direction: MigrationDirection?
    var milliseconds: Int64?
    var statementsDone: Int?
    var holder: MigrationLockHolder?
    var message: String?

    enum CodingKeys: String, CodingKey {
        case event, file, version, direction, holder, message
        case milliseconds = "ms"
        case statementsDone = "statements_done"
    }

    init(_ event: MigrationEvent) {
        switch event {
        case .waitingForLock(let holder):
            self.init(event: "waiting_for_lock", holder: holder)
        case .lockAcquired(let waited):
            self.init(event: "lock_acquired", milliseconds: waited)
        case .started(let step):
            self.init(event: "started", step: step)
        case .finished(let step, let milliseconds):
            self.init(event: step.direction == .up ? "applied" : "rolled_back", step: step)
            self.milliseconds = milliseconds
        case .planned(let step):
            self.init(event: "planned", step: step)
        case .baselined(let file):
            self.init(event: "baselined", file: file.name, version: file.version.text)
        case .warning(let message):
            self.init(event: "warning", message: message)
        }
    }

    private init(event: String, step: MigrationStep) {
        self.init(event: event, file: step.file.name, version: step.file.version.text, direction: step.direction,
                  statementsDone: step.statementsDone)
    }

    private init(
        event: String, file: String? = nil, version: String? = nil, direction: MigrationDirection? = nil,
        milliseconds: Int64? = nil, statementsDone: Int? = nil, holder: MigrationLockHolder? = nil, message: String? = nil
    ) {
        self.event = event
        self.file = file
        self.version = version
        self.direction = direction
        self.milliseconds = milliseconds
        self.statementsDone = statementsDone
        self.holder = holder
        self.message = message
    }
}
