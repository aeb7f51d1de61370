import NIOCore

extension STOMPSession {
    /// A client's `SEND`, to be stored through the log.
    ///
    /// ```swift
    /// case .publish(let publication, let operation):
    ///     try await log.append(topic: publication.destination, body: publication.body)
    /// ```
    public struct Publication: Sendable, Equatable {
        /// The destination, e.g. `/topic/chat.lobby`.
        public var destination: String
        /// All of the `SEND` frame's headers, in wire order (`content-type` and user headers
        /// included).
        public var headers: STOMPHeaders
        /// The body, as received.
        public var body: ByteBuffer

        /// Creates a publication.
        ///
        /// - Parameters:
        ///   - destination: The destination.
        ///   - headers: The `SEND` frame's headers.
        ///   - body: The body.
        public init(destination: String, headers: STOMPHeaders, body: ByteBuffer) {
            self.destination = destination
            self.headers = headers
            self.body = body
        }
    }
}
