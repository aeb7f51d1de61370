import Dispatch
import Foundation
import Synchronization

/// Notes a SIGINT or SIGTERM that arrives while `pglive demo` starts, before the server
/// handles signals itself, so that a Ctrl-C during startup still stops the private
/// PostgreSQL and removes its folder instead of killing the process.
///
/// ```swift
/// let startup = StartupSignal()
/// let server = try PrivatePostgresServer.start(logger: logger)
/// defer { server.stop() }
/// if startup.received { return }
/// ```
final class StartupSignal: Sendable {
    private let state = Mutex(false)
    private let sources: Mutex<[any DispatchSourceSignal]>

    /// Starts watching for SIGINT and SIGTERM; from now on they no longer kill the process.
    init() {
        let queue = DispatchQueue(label: "pglive.startup-signals")
        sources = Mutex([SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            return DispatchSource.makeSignalSource(signal: number, queue: queue)
        })
        sources.withLock { sources in
            for source in sources {
                source.setEventHandler { [weak self] in self?.state.withLock { $0 = true } }
                source.resume()
            }
        }
    }

    deinit {
        sources.withLock { sources in sources.forEach { $0.cancel() } }
    }

    /// Whether a signal arrived.
    var received: Bool { state.withLock { $0 } }
}
