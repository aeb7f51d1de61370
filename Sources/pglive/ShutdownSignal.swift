import Dispatch
import Foundation
import Synchronization

/// SIGINT and SIGTERM, trapped for a command's whole run: a stop request that arrives while
/// the command is still starting (a private PostgreSQL, migrations, the server's first
/// queries) is kept until the command asks for it, never lost between two handlers.
///
/// `pglive demo` once noted a Ctrl-C only until its migrations were done and left the rest
/// to the server's own handler, installed a moment later: a signal in between was taken by
/// the first handler and seen by nobody, and the demo ran on.
///
/// ```swift
/// let stop = await ShutdownSignal.trap()
/// let server = try PrivatePostgresServer.start(logger: logger)
/// defer { server.stop() }
/// if stop.received { return }
/// try await ServerLauncher.run(configuration, logger: logger, stop: stop)
/// ```
final class ShutdownSignal: Sendable {
    private struct State {
        var received = false
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextWaiter = 0
    }

    private let state = Mutex(State())
    private let sources: Mutex<[any DispatchSourceSignal]>

    /// Traps SIGINT and SIGTERM and returns once the trap is in place: from then on they no
    /// longer kill the process. (Dispatch installs its handler asynchronously; a signal in
    /// between still has its default effect rather than being lost.)
    static func trap() async -> ShutdownSignal {
        let trapped = ShutdownSignal()
        let sources = trapped.sources.withLock { $0 }
        for source in sources {
            await withCheckedContinuation { (registered: CheckedContinuation<Void, Never>) in
                source.setRegistrationHandler { registered.resume() }
                source.resume()
            }
        }
        return trapped
    }

    private init() {
        let queue = DispatchQueue(label: "pglive.shutdown-signal")
        sources = Mutex([SIGINT, SIGTERM].map { number in
            #if canImport(Darwin)
            // kqueue sees only signals that are otherwise ignored.
            signal(number, SIG_IGN)
            #endif
            return DispatchSource.makeSignalSource(signal: number, queue: queue)
        })
        sources.withLock { sources in
            for source in sources {
                source.setEventHandler { [weak self] in self?.record() }
            }
        }
    }

    deinit {
        sources.withLock { sources in sources.forEach { $0.cancel() } }
    }

    /// Whether a signal arrived.
    var received: Bool { state.withLock { $0.received } }

    /// Returns once a signal has arrived (at once if one already did), or when the calling
    /// task is cancelled.
    func wait() async {
        let id = state.withLock { state in
            defer { state.nextWaiter += 1 }
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let waiting = state.withLock { state in
                    guard !state.received, !Task.isCancelled else { return false }
                    state.waiters[id] = continuation
                    return true
                }
                if !waiting { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }

    private func record() {
        let waiters = state.withLock { state in
            state.received = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        waiters.forEach { $0.resume() }
    }
}
