import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A blocking HTTP/1.1 client over a plain socket, for what the test framework's client
/// hides: reading part of a body and hanging up, and seeing how a response ends.
///
/// Reads block a Dispatch thread, never one of Swift concurrency's few cooperative threads
/// (the server under test needs those). Sendable: its only state is the socket number.
final class RawHTTPClient: Sendable {
    private let socket: Int32

    /// Connects to 127.0.0.1.
    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    deinit { close(socket) }

    /// Sends a GET.
    func get(_ target: String, headers: [String: String] = [:]) {
        var request = "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
    }

    /// Reads up to `count` bytes; empty at end of stream.
    func read(_ count: Int = 65_536) async -> [UInt8] {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: self.blockingRead(count)) }
        }
    }

    private func blockingRead(_ count: Int) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        let received = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, count, 0) }
        return received > 0 ? Array(buffer.prefix(received)) : []
    }

    /// Reads until the server closes the connection or `limit` bytes arrived.
    ///
    /// One blocking loop on one Dispatch thread: a hop per chunk waits for a Dispatch thread
    /// each time, behind the whole suite's blocking work, and a stalled export's few MB
    /// were read too slowly for its lingering close (the suspected cause of a CI failure).
    func readToEnd(limit: Int = 1 << 30) async -> [UInt8] {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var all: [UInt8] = []
                while all.count < limit {
                    let chunk = self.blockingRead(65_536)
                    if chunk.isEmpty { break }
                    all += chunk
                }
                continuation.resume(returning: all)
            }
        }
    }
}
