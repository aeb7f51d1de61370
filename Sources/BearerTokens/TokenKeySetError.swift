/// Why a key source given to `pglive serve` cannot be used; the server refuses to start.
public enum TokenKeySetError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An HS256 secret shorter than 32 bytes (RFC 7518 §3.2 wants at least the hash size).
    case secretTooShort(bytes: Int)
    /// A PEM that is neither an RSA nor a P-256 public key (nor a certificate of one).
    case unsupportedPublicKey(String)
    /// A JWKS that does not parse, or a key in it that cannot be used.
    case invalidKeySet(String)

    /// One line for the CLI.
    public var description: String {
        switch self {
        case .secretTooShort(let bytes):
            "the HS256 secret has \(bytes) bytes; use at least 32 (e.g. openssl rand -base64 48)"
        case .unsupportedPublicKey(let reason):
            "the public key file is not an RSA or P-256 (EC) public key in PEM: \(reason)"
        case .invalidKeySet(let reason):
            "the JWKS file cannot be used: \(reason)"
        }
    }
}
