import CLibPQ
import Logging

/// Routes server notices (`RAISE NOTICE`, warnings) to swift-log instead of stderr.
final class NoticeSink {
    let logger: Logger
    /// Whether the server sent a `FATAL` (or `PANIC`) message outside a query, as it does
    /// right before it closes a terminated connection; libpq passes those on as notices.
    private(set) var receivedFatal = false

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
        if severity == "FATAL" || severity == "PANIC" { receivedFatal = true }
        var metadata: Logger.Metadata = ["severity": "\(severity)"]
        if let sqlState = PGResultError.field(result, .sqlState) { metadata["sqlstate"] = "\(sqlState)" }
        logger.log(level: Self.level(of: severity), "\(message)", metadata: metadata)
    }

    private static func level(of severity: String) -> Logger.Level {
        switch severity {
        case "DEBUG": return .debug
        case "WARNING": return .warning
        case "FATAL", "PANIC": return .error
        case "INFO", "LOG": return .info
        default: return .notice
        }
    }
}
