import CLibPQ
import Logging

/// Routes server notices (`RAISE NOTICE`, warnings) to swift-log instead of stderr.
final class NoticeSink {
    let logger: Logger

    init(logger: Logger) { self.logger = logger }

    /// Installs the receiver; the connection keeps `self` alive as long as it lives.
    func install(on connection: OpaquePointer) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        PQsetNoticeReceiver(connection, { context, result in
            guard let context, let result else { return }
            Unmanaged<NoticeSink>.fromOpaque(context).takeUnretainedValue().receive(result)
        }, context)
    }

    private func receive(_ result: OpaquePointer) {
        let severity = PGResultError.field(result, .severity) ?? "NOTICE"
        let message = PGResultError.field(result, .message) ?? ""
        var metadata: Logger.Metadata = ["severity": "\(severity)"]
        if let sqlState = PGResultError.field(result, .sqlState) { metadata["sqlstate"] = "\(sqlState)" }
        logger.log(level: Self.level(of: severity), "\(message)", metadata: metadata)
    }

    private static func level(of severity: String) -> Logger.Level {
        switch severity {
        case "DEBUG": return .debug
        case "WARNING": return .warning
        case "INFO", "LOG": return .info
        default: return .notice
        }
    }
}
