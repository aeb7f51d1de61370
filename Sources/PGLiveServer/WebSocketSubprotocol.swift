import Foundation

/// The STOMP WebSocket subprotocols and the choice among those a client offers.
enum WebSocketSubprotocol {
    /// The subprotocols the server speaks.
    static let supported: Set<String> = ["v10.stomp", "v11.stomp", "v12.stomp"]

    /// The first offered subprotocol the server speaks, in the client's order of
    /// preference; `nil` when none (then the answer names none).
    ///
    /// - Parameters:
    ///   - offered: The `Sec-WebSocket-Protocol` header values, each a comma-separated list.
    static func choose(from offered: [String]) -> String? {
        offered
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .first { self.supported.contains($0) }
    }
}
