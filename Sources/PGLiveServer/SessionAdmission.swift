import Synchronization

/// Counts the open STOMP sessions, in the whole process and per client address, and
/// refuses a new one past either limit, so one client (or a flood of them) cannot take
/// every socket and byte of memory from the others.
///
/// Both transports share one admission. Behind a reverse proxy every client has the
/// proxy's address: raise or lift the per-address limit there.
///
/// ```swift
/// if let refusal = admission.admit(address: "192.0.2.7") { close(with: refusal) } else { defer { admission.release(address: "192.0.2.7") } … }
/// ```
final class SessionAdmission: Sendable {
    /// The limits; `nil` is no limit.
    struct Limits: Sendable, Hashable {
        /// The most sessions open in the process.
        var maxSessions: Int?
        /// The most sessions open from one client address.
        var maxSessionsPerAddress: Int?
    }

    /// Why a session was refused: the ERROR frame's message and body.
    struct Refusal: Sendable, Hashable {
        let message: String
        let detail: String
    }

    /// The limits enforced.
    let limits: Limits
    /// Open sessions: the total and per address.
    private let open = Mutex<(total: Int, byAddress: [String: Int])>((0, [:]))

    /// Creates an admission with nothing open.
    init(limits: Limits) {
        self.limits = limits
    }

    /// Counts a new session in, unless a limit is reached.
    ///
    /// - Parameters:
    ///   - address: The client's IP address; `nil` when it has none (a Unix socket), which
    ///     only the process limit counts.
    /// - Returns: `nil` when admitted (then call ``release(address:)`` when it ends), or why not.
    func admit(address: String?) -> Refusal? {
        let limits = self.limits
        return self.open.withLock { open in
            if let maximum = limits.maxSessions, open.total >= maximum {
                return Refusal(
                    message: "too many sessions",
                    detail: "The server has its limit of \(maximum) sessions open; try again later.")
            }
            if let address, let maximum = limits.maxSessionsPerAddress, open.byAddress[address, default: 0] >= maximum {
                return Refusal(
                    message: "too many sessions from \(address)",
                    detail: "Clients at \(address) have the limit of \(maximum) sessions open; close one first.")
            }
            open.total += 1
            if let address {
                open.byAddress[address, default: 0] += 1
            }
            return nil
        }
    }

    /// Counts an admitted session out.
    ///
    /// - Parameters:
    ///   - address: The address it was admitted with.
    func release(address: String?) {
        self.open.withLock { open in
            open.total -= 1
            if let address {
                let left = open.byAddress[address, default: 1] - 1
                open.byAddress[address] = left > 0 ? left : nil
            }
        }
    }
}
