import ArgumentParser
import Authorization
import BearerTokens
import Foundation

/// The bearer-token options of `pglive serve`: where the verification keys are, and what
/// `iss`, `aud` and clock skew tokens are checked against. Secrets come from files or the
/// environment, never from a flag's value (which `ps` and shell history show).
struct TokenOptions: ParsableArguments {
    /// The environment variable that may hold the HS256 secret instead of a file.
    static let secretVariable = "PGLIVE_JWT_SECRET"

    @Option(help: ArgumentHelp(
        "A file holding the HS256 shared secret (at least 32 bytes; a trailing newline is ignored). Default: $PGLIVE_JWT_SECRET.",
        valueName: "path"))
    var jwtSecretFile: String?

    @Option(help: ArgumentHelp("A PEM public key (or certificate) verifying RS256 (RSA) or ES256 (P-256) tokens (repeatable).", valueName: "path"))
    var jwtPublicKeyFile: [String] = []

    @Option(help: ArgumentHelp("A JSON Web Key Set file; each key needs a kid (repeatable; read at startup).", valueName: "path"))
    var jwtJwksFile: [String] = []

    @Option(help: ArgumentHelp("The iss every token must carry.", valueName: "issuer"))
    var jwtIssuer: String?

    @Option(help: ArgumentHelp("The audience every token's aud must name; without it, tokens with an aud are refused.", valueName: "audience"))
    var jwtAudience: String?

    @Option(help: ArgumentHelp("Seconds of clock skew allowed for exp and nbf.", valueName: "seconds"))
    var jwtClockSkew: Int = 30

    @Option(help: ArgumentHelp(
        #"What anonymous clients may do, as a pglive claim, e.g. '{"read":["demo.*"]}'. Default: everything."#,
        valueName: "json"))
    var anonymousAccess: String?

    /// The secret from the environment, when no file is given.
    private var environmentSecret: String? {
        ProcessInfo.processInfo.environment[Self.secretVariable].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether any key source is given.
    var hasKeys: Bool {
        jwtSecretFile != nil || environmentSecret != nil || !jwtPublicKeyFile.isEmpty || !jwtJwksFile.isEmpty
    }

    func validate() throws {
        guard jwtClockSkew >= 0, jwtClockSkew <= 3600 else {
            throw ValidationError("--jwt-clock-skew takes 0...3600 seconds, not \(jwtClockSkew)")
        }
        _ = try anonymousPolicy()
    }

    /// The access of anonymous clients.
    func anonymousPolicy() throws -> AccessPolicy {
        guard let anonymousAccess else {
            return .unrestricted
        }
        do {
            return try AccessPolicy(json: anonymousAccess)
        } catch {
            throw ValidationError("--anonymous-access: \(error)")
        }
    }

    /// The verifier of the configured keys, or `nil` when none is configured.
    ///
    /// - Throws: `ValidationError` naming the file that cannot be read or used.
    func verifier() async throws -> TokenVerifier? {
        guard hasKeys else {
            return nil
        }
        var keys = TokenKeySet()
        if let path = jwtSecretFile {
            try await Self.load("--jwt-secret-file \(path)") { try await keys.addSecret(try SecretFile.read(path: path)) }
        } else if let secret = environmentSecret {
            try await Self.load("$\(Self.secretVariable)") { try await keys.addSecret(SecretFile.trimmed(Array(secret.utf8))) }
        }
        for path in jwtPublicKeyFile {
            try await Self.load("--jwt-public-key-file \(path)") { try await keys.addPublicKey(pem: try String(contentsOfFile: path, encoding: .utf8)) }
        }
        for path in jwtJwksFile {
            try await Self.load("--jwt-jwks-file \(path)") { try await keys.addKeySet(json: try String(contentsOfFile: path, encoding: .utf8)) }
        }
        return TokenVerifier(keys: keys, issuer: jwtIssuer, audience: jwtAudience, clockSkew: .seconds(jwtClockSkew))
    }

    /// Runs one key load, naming the source when it fails.
    private static func load(_ source: String, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as TokenKeySetError {
            throw ValidationError("\(source): \(error)")
        } catch let error as CocoaError {
            throw ValidationError("\(source): cannot read the file (\(error.localizedDescription))")
        } catch {
            throw ValidationError("\(source): \(error)")
        }
    }
}
