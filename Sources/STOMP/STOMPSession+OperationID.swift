extension STOMPSession {
    /// Names one piece of asynchronous work a session asked its owner to perform.
    ///
    /// The owner hands it back with ``STOMPSession/completed(_:)`` or
    /// ``STOMPSession/failed(_:message:detail:)``. A session numbers its operations from 0.
    ///
    /// ```swift
    /// case .publish(let publication, let operation):
    ///     try await log.append(publication)
    ///     perform(session.completed(operation))
    /// ```
    public struct OperationID: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The id's number.
        public let rawValue: UInt64

        /// Creates an id from its number.
        ///
        /// - Parameters:
        ///   - rawValue: The number.
        public init(rawValue: UInt64) {
            self.rawValue = rawValue
        }

        /// The id for logs, e.g. `op-3`.
        public var description: String {
            "op-\(self.rawValue)"
        }
    }
}
