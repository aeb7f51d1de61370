import Foundation
import NIOCore
import NIOSSL

/// A self-signed certificate for 127.0.0.1 and localhost, made once per test process with
/// the `openssl` command, and a client TLS context that trusts only it.
enum TestTLS {
    /// The PEM files: certificate and key.
    static let files: Result<(certificate: String, key: String), any Error> = Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pglive-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let certificate = folder.appendingPathComponent("certificate.pem").path
        let key = folder.appendingPathComponent("key.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "1",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
            "-keyout", key, "-out", certificate,
        ]
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        guard openssl.terminationStatus == 0 else { throw OpenSSLFailed(status: openssl.terminationStatus) }
        return (certificate, key)
    }

    struct OpenSSLFailed: Error {
        let status: Int32
    }

    /// A client context that trusts the test certificate and checks the host name.
    static func clientContext() throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(try files.get().certificate))
        return try NIOSSLContext(configuration: configuration)
    }
}

extension ChannelPipeline.SynchronousOperations {
    /// Adds a TLS client handler for 127.0.0.1 when `tls` is given, then `handler`.
    func addHandler(_ handler: some ChannelHandler & Sendable, after tls: NIOSSLContext?) throws {
        if let tls {
            try self.addHandler(NIOSSLClientHandler(context: tls, serverHostname: nil))
        }
        try self.addHandler(handler)
    }
}
