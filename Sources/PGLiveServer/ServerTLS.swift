import NIOSSL

/// The certificate and key both endpoints serve TLS with: HTTPS and `wss://` on the HTTP
/// port, STOMP over TLS on the STOMP port. TLS 1.2 at least, NIOSSL's default ciphers.
///
/// ```swift
/// configuration.tls = try ServerTLS(certificateFile: "/etc/pglive/cert.pem", keyFile: "/etc/pglive/key.pem")
/// ```
public struct ServerTLS: Sendable {
    /// NIOSSL's server configuration, for Hummingbird's TLS channel.
    let configuration: TLSConfiguration
    /// The context built from it, checked at start and shared by the STOMP port.
    let context: NIOSSLContext

    /// Reads a PEM certificate chain (the server's certificate first) and its PEM private key.
    ///
    /// - Parameters:
    ///   - certificateFile: The PEM certificate chain.
    ///   - keyFile: The PEM private key (RSA or EC, unencrypted).
    /// - Throws: ``ServerTLSError`` naming the file that cannot be read or parsed.
    public init(certificateFile: String, keyFile: String) throws(ServerTLSError) {
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMFile(certificateFile)
        } catch {
            throw ServerTLSError("cannot read the TLS certificate \(certificateFile): \(error)")
        }
        guard !certificates.isEmpty else {
            throw ServerTLSError("the TLS certificate file \(certificateFile) holds no PEM certificate")
        }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: keyFile, format: .pem)
        } catch {
            throw ServerTLSError("cannot read the TLS private key \(keyFile): \(error)")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: certificates.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        do {
            // Checks now that the key matches the certificate, rather than at the first handshake.
            self.context = try NIOSSLContext(configuration: configuration)
        } catch {
            throw ServerTLSError("the TLS key \(keyFile) does not fit the certificate \(certificateFile): \(error)")
        }
        self.configuration = configuration
    }
}

/// Why ``ServerTLS`` could not be set up, for the operator.
public struct ServerTLSError: Error, CustomStringConvertible {
    /// The whole message.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
