import Dispatch
import Foundation

/// Waits for SIGINT or SIGTERM, so a long-running command can stop cleanly.
enum TerminationSignal {
    /// Suspends until the process receives SIGINT or SIGTERM and returns its number.
    static func wait() async -> Int32 {
        let signals = [SIGINT, SIGTERM]
        let queue = DispatchQueue(label: "pglive.signals")
        return await withCheckedContinuation { continuation in
            var sources: [any DispatchSourceSignal] = []
            for number in signals {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler {
                    sources.forEach { $0.cancel() }
                    sources.removeAll()
                    continuation.resume(returning: number)
                }
                sources.append(source)
            }
            queue.sync { sources.forEach { $0.resume() } }
        }
    }
}
