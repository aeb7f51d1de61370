import Foundation
import Synchronization

/// A TCP server that speaks just enough of PostgreSQL's protocol for libpq to connect
/// (no authentication, one `SET`) and then never answers again, like a server that hangs.
/// It accepts one connection only: a cancel request's connection waits in its backlog, so
/// `PQcancel` waits too.
final class SilentPostgres: Sendable {
    /// The port it listens on, on 127.0.0.1.
    let port: Int
    private let listener: Int32
    private let client = Mutex<Int32?>(nil)
    private let statements = Atomic<Int>(0)

    /// Starts listening and serving on a thread of its own.
    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(listener, address, length) == 0 && listen(listener, 8) == 0 && getsockname(listener, address, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRNOTAVAIL) }
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    /// The connection string of a libpq connection to it.
    var connectionString: String {
        "host=127.0.0.1 port=\(port) user=pglive dbname=pglive sslmode=disable gssencmode=disable connect_timeout=5"
    }

    /// Whether a statement came after the connection's `SET` (and got no answer).
    var receivedAStatement: Bool { statements.load(ordering: .sequentiallyConsistent) > 1 }

    /// Stops listening (resetting waiting connections) and ends the client's connection.
    func close() {
        shutdown(listener, Int32(SHUT_RDWR))
        Glibc.close(listener)
        // Under the lock: once the serving thread has closed the descriptor, its number may
        // already be another socket of this process.
        client.withLock { client in
            if let client { shutdown(client, Int32(SHUT_RDWR)) }
        }
    }

    private func serve() {
        let connection = accept(listener, nil, nil)
        guard connection >= 0 else { return }
        client.withLock { $0 = connection }
        defer {
            client.withLock { client in
                client = nil
                Glibc.close(connection)
            }
        }
        // The startup message: its length, then the rest.
        guard let length = readLength(connection), read(connection, count: length - 4) != nil else { return }
        // AuthenticationOk, BackendKeyData, ReadyForQuery.
        send(connection, message("R", int32(0)) + message("K", int32(4242) + int32(1)) + message("Z", [UInt8(ascii: "I")]))
        while let type = read(connection, count: 1), let length = readLength(connection), read(connection, count: length - 4) != nil {
            guard type != [UInt8(ascii: "X")] else { return }
            // The first statement is the connection's `SET DateStyle`: answered. The rest are not.
            if statements.add(1, ordering: .sequentiallyConsistent).newValue == 1 {
                send(connection, message("C", Array("SET".utf8) + [0]) + message("Z", [UInt8(ascii: "I")]))
            }
        }
    }

    private func message(_ type: Character, _ body: [UInt8]) -> [UInt8] {
        [type.asciiValue!] + int32(Int32(body.count + 4)) + body
    }

    private func int32(_ value: Int32) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian, Array.init)
    }

    private func readLength(_ socket: Int32) -> Int? {
        read(socket, count: 4).map { bytes in Int(bytes.reduce(0) { $0 << 8 | Int32($1) }) }
    }

    private func read(_ socket: Int32, count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes { recv(socket, $0.baseAddress! + done, count - done, 0) }
            guard got > 0 else { return nil }
            done += got
        }
        return bytes
    }

    private func send(_ socket: Int32, _ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }
}
