import Foundation

/// A condition that did not become true before its deadline.
struct PollingTimeout: Error, CustomStringConvertible {
    let what: String
    var description: String { "timed out waiting for \(what)" }
}

/// Waits until `condition` holds, checking every 20 ms, or throws after `timeout`.
/// - Parameters:
///   - what: what is awaited, for the failure message.
///   - timeout: the deadline.
///   - condition: the check.
func waitUntil(_ what: String, timeout: Duration = .seconds(30), _ condition: () throws -> Bool) async throws {
    let deadline = ContinuousClock.now + timeout
    while try !condition() {
        guard ContinuousClock.now < deadline else { throw PollingTimeout(what: what) }
        try await Task.sleep(for: .milliseconds(20))
    }
}
