import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// One HTTP/1.1 request over a fresh connection, for tests that want the raw answer.
enum RawHTTP {
    /// A response: the status code, the head (status line and header lines) and the body
    /// (the whole raw text after the headers).
    struct Response {
        let status: Int
        let head: String
        let body: String

        /// The values of every header field with this name (case-insensitive).
        func headers(_ name: String) -> [String] {
            head.split(separator: "\r\n").dropFirst().compactMap { line in
                guard let colon = line.firstIndex(of: ":"), line[..<colon].lowercased() == name.lowercased() else { return nil }
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
    }

    /// The payload of a chunked body: the chunks without their size lines.
    static func dechunked(_ body: String) -> String {
        var bytes = Substring(body).utf8[...]
        var payload: [UInt8] = []
        while let lineEnd = bytes.firstRange(of: "\r\n".utf8) {
            guard let size = Int(String(decoding: bytes[..<lineEnd.lowerBound], as: UTF8.self), radix: 16), size > 0 else { break }
            let start = lineEnd.upperBound
            guard let end = bytes.index(start, offsetBy: size, limitedBy: bytes.endIndex) else { break }
            payload += bytes[start..<end]
            bytes = bytes[end...].dropFirst(2)
        }
        return String(decoding: payload, as: UTF8.self)
    }

    /// Sends `GET path` with `Connection: close` and the given header lines (over TLS when
    /// given a context); waits for the close.
    static func get(_ path: String, port: Int, headers: [String] = [], tls: NIOSSLContext? = nil) async throws -> Response {
        let inbox = ByteInbox()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(inbox, after: tls) }
            }
            .connect(host: "127.0.0.1", port: port).get()
        let request = (["GET \(path) HTTP/1.1", "Host: x", "Connection: close"] + headers).joined(separator: "\r\n")
        try await channel.writeAndFlush(ByteBuffer(string: request + "\r\n\r\n")).get()
        try await channel.closeFuture.get()
        let text = inbox.text
        let status = text.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) } ?? 0
        let end = text.range(of: "\r\n\r\n")
        let body = end.map { String(text[$0.upperBound...]) } ?? ""
        let head = end.map { String(text[..<$0.lowerBound]) } ?? text
        let chunked = head.lowercased().contains("transfer-encoding: chunked")
        return Response(status: status, head: head, body: chunked ? dechunked(body) : body)
    }
}
