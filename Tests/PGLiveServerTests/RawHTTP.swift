import NIOCore
import NIOPosix

/// One HTTP/1.1 request over a fresh connection, for tests that want the raw answer.
enum RawHTTP {
    /// A response: the status code and the body (the whole raw text after the headers).
    struct Response {
        let status: Int
        let body: String
    }

    /// Sends `GET path` with `Connection: close` and the given header lines; waits for the close.
    static func get(_ path: String, port: Int, headers: [String] = []) async throws -> Response {
        let inbox = ByteInbox()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(inbox) }
            }
            .connect(host: "127.0.0.1", port: port).get()
        let head = (["GET \(path) HTTP/1.1", "Host: x", "Connection: close"] + headers).joined(separator: "\r\n")
        try await channel.writeAndFlush(ByteBuffer(string: head + "\r\n\r\n")).get()
        try await channel.closeFuture.get()
        let text = inbox.text
        let status = text.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) } ?? 0
        let body = text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) } ?? ""
        return Response(status: status, body: body)
    }
}
