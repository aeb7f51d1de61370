import Foundation
import NIOCore
import PGLiveServer
import PostgresTestSupport
import STOMP
import Testing

/// Direct TLS with a self-signed certificate: HTTPS, `wss://` and STOMP over TLS.
@Suite(.serialized) struct TLSTests {
    static func server() async throws -> TestServer {
        let files = try TestTLS.files.get()
        let tls = try ServerTLS(certificateFile: files.certificate, keyFile: files.key)
        let server = try await TestServer(database: TestServer.sharedDatabase.value) { $0.tls = tls }
        try await server.sql("CREATE TABLE IF NOT EXISTS tls_orders (id int PRIMARY KEY)")
        try await server.sql("SELECT pglive.publish_table('tls_orders')")
        return server
    }

    @Test func httpsWebSocketAndSTOMPOverTLSAllWorkAndDeliver() async throws {
        let server = try await Self.server()
        defer { Task { await server.stop() } }
        let tls = try TestTLS.clientContext()

        let health = try await RawHTTP.get("/healthz", port: server.httpPort, tls: tls)
        #expect(health.status == 200)
        #expect(health.body == #"{"status":"ok"}"#)

        let stomp = try await STOMPTestClient.connected(port: server.stompPort, tls: tls)
        try await stomp.subscribe("/topic/tls_orders")
        let webSocket = try await WebSocketTestClient(port: server.httpPort, subprotocols: ["v12.stomp"], tls: tls)
        #expect(webSocket.responseHead.hasPrefix("http/1.1 101"))
        try await webSocket.send("CONNECT\naccept-version:1.2\nlogin:alice\npasscode:secret\n\n\0")
        #expect(try await webSocket.nextFrame().command == .connected)
        try await webSocket.send("SUBSCRIBE\nid:0\ndestination:/topic/tls_orders\nreceipt:r\n\n\0")
        #expect(try await webSocket.nextFrame().command == .receipt)

        try await server.sql("INSERT INTO tls_orders VALUES (1)")
        #expect(try await stomp.next(.message).headers["destination"] == "/topic/tls_orders")
        #expect(try await webSocket.nextFrame().headers["destination"] == "/topic/tls_orders")
    }

    @Test func aPlainClientOnTheTLSPortGetsNoData() async throws {
        let server = try await Self.server()
        defer { Task { await server.stop() } }
        let plain = try await HTTPLimitTests.rawConnection(port: server.httpPort, writing: "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        try await Deadline.waitUntil("the server to drop a plain-text client", timeout: .seconds(10)) { plain.isClosed }
        #expect(!plain.text.contains("200"))
    }

    @Test func missingOrMismatchedFilesAreNamedInTheError() throws {
        let files = try TestTLS.files.get()
        do {
            _ = try ServerTLS(certificateFile: files.key, keyFile: files.key)
            Issue.record("a key file was accepted as a certificate")
        } catch {
            #expect(error.description.contains(files.key))
        }
        do {
            _ = try ServerTLS(certificateFile: "/nonexistent/cert.pem", keyFile: files.key)
            Issue.record("a missing certificate was accepted")
        } catch {
            #expect(error.description.contains("/nonexistent/cert.pem"))
        }
    }
}
