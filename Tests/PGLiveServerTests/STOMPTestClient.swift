import NIOCore
import NIOPosix
import NIOSSL
import PostgresTestSupport
import STOMP

/// A raw STOMP 1.2 client over TCP for tests: writes frames as bytes, reads frames with
/// the project's parser.
final class STOMPTestClient: Sendable {
    let channel: any Channel
    let inbox = FrameInbox()

    /// Connects to 127.0.0.1:`port`, from `source` (another loopback address such as
    /// 127.0.0.2) when given, over TLS when given a context.
    init(port: Int, from source: String? = nil, tls: NIOSSLContext? = nil) async throws {
        let inbox = self.inbox
        var bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(FrameCollector(inbox), after: tls) }
            }
        if let source {
            bootstrap = bootstrap.bind(to: try SocketAddress(ipAddress: source, port: 0))
        }
        channel = try await bootstrap.connect(host: "127.0.0.1", port: port).get()
    }

    /// Opens a connection (from `source`, over TLS when given) and completes CONNECT/CONNECTED.
    static func connected(
        port: Int, from source: String? = nil, tls: NIOSSLContext? = nil, login: String = "alice", passcode: String = "secret"
    ) async throws -> STOMPTestClient {
        let client = try await STOMPTestClient(port: port, from: source, tls: tls)
        try await client.send(.connect, ["accept-version": "1.2", "host": "localhost", "login": login, "passcode": passcode])
        _ = try await client.next(.connected)
        return client
    }

    /// Writes a frame.
    func send(_ command: STOMPCommand, _ headers: STOMPHeaders = [:], body: String = "") async throws {
        var buffer = ByteBuffer()
        STOMPFrame(command, headers: headers, body: ByteBuffer(string: body)).encode(version: .v1_2, into: &buffer)
        try await channel.writeAndFlush(buffer).get()
    }

    /// Subscribes with a receipt and waits for it.
    func subscribe(_ destination: String, id: String = "0", _ extra: STOMPHeaders = [:]) async throws {
        var headers: STOMPHeaders = ["destination": destination, "id": id, "receipt": "sub-\(id)"]
        for (name, value) in extra { headers.add(name: name, value: value) }
        try await send(.subscribe, headers)
        let receipt = try await next { $0.command == .receipt || $0.command == .error }
        guard receipt.command == .receipt else { throw UnexpectedFrame(frame: receipt) }
    }

    /// Waits for the first frame with a command.
    func next(_ command: STOMPCommand, timeout: Duration = .seconds(15)) async throws -> STOMPFrame {
        try await next(timeout: timeout, wanted: "a \(command.rawValue) frame") { $0.command == command }
    }

    /// Waits for the first frame that matches; on timeout the error says what was wanted,
    /// what was received meanwhile and whether the server closed the connection.
    func next(
        timeout: Duration = .seconds(15), wanted: String = "a matching frame", where matches: @escaping (STOMPFrame) -> Bool
    ) async throws -> STOMPFrame {
        var found: STOMPFrame?
        do {
            try await Deadline.waitUntil(wanted, timeout: timeout) {
                found = inbox.take(where: matches)
                return found != nil
            }
        } catch {
            throw NoFrame(
                wanted: wanted, timeout: timeout, received: inbox.frames.map(\.command.rawValue), closed: inbox.isClosed)
        }
        return found!
    }

    /// No wanted frame arrived in time.
    struct NoFrame: Error, CustomStringConvertible {
        let wanted: String
        let timeout: Duration
        let received: [String]
        let closed: Bool

        var description: String {
            "\(wanted) did not arrive within \(timeout); frames left unread: \(received); connection \(closed ? "closed" : "open")"
        }
    }

    /// Waits for `count` MESSAGE frames.
    func messages(_ count: Int, timeout: Duration = .seconds(30)) async throws -> [STOMPFrame] {
        var messages: [STOMPFrame] = []
        while messages.count < count {
            messages.append(try await next(.message, timeout: timeout))
        }
        return messages
    }

    /// Waits until the server closed the connection.
    func waitClosed() async throws {
        try await Deadline.waitUntil("the server to close the connection") { inbox.isClosed }
    }

    /// Closes the connection.
    func close() async {
        try? await channel.close()
    }

    struct UnexpectedFrame: Error, CustomStringConvertible {
        let frame: STOMPFrame
        var description: String { "unexpected \(frame.command) \(frame.headers) \(String(buffer: frame.body))" }
    }
}
