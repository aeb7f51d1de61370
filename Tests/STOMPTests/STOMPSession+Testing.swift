import NIOCore
import STOMP

extension NIODeadline {
    /// The time `milliseconds` after an arbitrary origin.
    static func ms(_ milliseconds: Int64) -> NIODeadline {
        .uptimeNanoseconds(0) + .milliseconds(milliseconds)
    }
}

extension STOMPSession.Configuration {
    /// The defaults, with server version `0.1.0`.
    static let test = STOMPSession.Configuration(serverVersion: "0.1.0")
}

extension STOMPSession.OperationID {
    /// The `number`th operation of a session.
    static func op(_ number: UInt64) -> Self {
        Self(rawValue: number)
    }
}

extension STOMPSession {
    /// A new session with id `s-1`.
    init(configuration: Configuration = .test) {
        self.init(id: "s-1", configuration: configuration, openedAt: .ms(0))
    }

    /// A session that took `CONNECT` (at `ms`) and was authenticated; its CONNECTED is dropped.
    static func connected(
        _ version: STOMPVersion = .v1_2,
        heartBeat: String = "0,0",
        at ms: Int64 = 0,
        configuration: Configuration = .test
    ) -> STOMPSession {
        var session = STOMPSession(configuration: configuration)
        let headers = version == .v1_0 ? "" : "accept-version:\(version.rawValue)\nheart-beat:\(heartBeat)\n"
        _ = session.receive("CONNECT\n\(headers)\n\0", at: ms)
        _ = session.authenticated()
        return session
    }

    /// Receives `text` as one chunk at `ms`.
    mutating func receive(_ text: String, at ms: Int64 = 0) -> [Action] {
        self.receive(ByteBuffer(string: text), now: .ms(ms))
    }

    /// Receives a `SUBSCRIBE` with `headers` (lines without the final EOL) and completes it.
    mutating func subscribeAndComplete(_ headers: String) {
        for action in self.receive("SUBSCRIBE\n\(headers)\n\n\0") {
            if case .subscribe(_, let operation) = action {
                _ = self.completed(operation)
            }
        }
    }
}

extension STOMPSession.Action {
    /// A write of `text`'s UTF-8 bytes.
    static func frame(_ text: String) -> Self {
        .write(ByteBuffer(string: text))
    }

    /// A write of `RECEIPT` for `id`, unescaped.
    static func receipt(_ id: String) -> Self {
        .frame("RECEIPT\nreceipt-id:\(id)\n\n\0")
    }

    /// A write of an `ERROR` frame with `message`, `receipt-id` when given, and `detail`.
    static func error(_ message: String, _ detail: String, receiptID: String? = nil) -> Self {
        let receiptLine = receiptID.map { "receipt-id:\($0)\n" } ?? ""
        return .frame(
            "ERROR\nmessage:\(message)\n\(receiptLine)content-type:text/plain\n"
                + "content-length:\(detail.utf8.count)\n\n\(detail)\0"
        )
    }

    /// Closing after flushing, for `error`.
    static func close(_ error: STOMPSessionError) -> Self {
        .close(.error(error), flushFirst: true)
    }
}
