import ArgumentParser
import Authorization
import BearerTokens
import Foundation

/// `pglive token`: signs an HS256 token with the secret `pglive serve --jwt-secret-file`
/// verifies with, for admins and tests. Prints the token and a newline to standard output.
struct Token: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Issue an HS256 token for pglive serve --jwt-secret-file.",
        discussion: """
            The token carries sub, iat, exp and, when given, iss and aud, and the claim \\
            "pglive": {"read": [...], "publish": [...], "filters": {"topic": "selector"}}. \\
            Patterns are topic names, prefixes ending in * (orders.* or orders*) or *. \\
            Example: pglive token --secret-file secret --subject tenant-42 --read 'orders' \\
            --filter 'orders=tenant=eq.42' --expires-in 1h
            """)

    @Option(help: ArgumentHelp("The file holding the HS256 secret. Default: $PGLIVE_JWT_SECRET.", valueName: "path"))
    var secretFile: String?

    @Option(help: ArgumentHelp("The subject (sub), logged by the server.", valueName: "subject"))
    var subject: String

    @Option(help: ArgumentHelp("A topic pattern the token may read (repeatable).", valueName: "pattern"))
    var read: [String] = []

    @Option(help: ArgumentHelp("A topic pattern the token may publish to (repeatable).", valueName: "pattern"))
    var publish: [String] = []

    @Option(help: ArgumentHelp("A mandatory row filter: PATTERN=SELECTOR, e.g. orders=tenant=eq.42 (repeatable).", valueName: "pattern=selector"))
    var filter: [String] = []

    @Option(help: ArgumentHelp("How long the token is valid: seconds, or a number with s, m, h or d.", valueName: "duration"))
    var expiresIn: String = "1h"

    @Option(help: ArgumentHelp("The issuer (iss).", valueName: "issuer"))
    var issuer: String?

    @Option(help: ArgumentHelp("An audience (aud) (repeatable).", valueName: "audience"))
    var audience: [String] = []

    func validate() throws {
        _ = try lifetime()
        _ = try accessClaim()
    }

    func run() async throws {
        let secret: [UInt8]
        if let secretFile {
            do {
                secret = try SecretFile.read(path: secretFile)
            } catch {
                throw ValidationError("--secret-file \(secretFile): cannot read the file")
            }
        } else if let value = ProcessInfo.processInfo.environment[TokenOptions.secretVariable], !value.isEmpty {
            secret = SecretFile.trimmed(Array(value.utf8))
        } else {
            throw ValidationError("give --secret-file or set $\(TokenOptions.secretVariable)")
        }
        let issuer: TokenIssuer
        do {
            issuer = try await TokenIssuer(secret: secret)
        } catch {
            throw ValidationError("\(error)")
        }
        let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        let claims = TokenClaims(
            subject: subject, expiresAt: now.addingTimeInterval(try lifetime()), issuedAt: now,
            issuer: self.issuer, audience: audience.isEmpty ? nil : audience, access: try accessClaim())
        FileHandle.standardOutput.write(Data((try await issuer.issue(claims) + "\n").utf8))
    }

    /// The `pglive` claim, checked the way the server checks it.
    private func accessClaim() throws -> AccessClaim {
        var filters: [String: String] = [:]
        for entry in filter {
            guard let equals = entry.firstIndex(of: "=") else {
                throw ValidationError("--filter takes PATTERN=SELECTOR, e.g. orders=tenant=eq.42, not '\(entry)'")
            }
            filters[String(entry[..<equals])] = String(entry[entry.index(after: equals)...])
        }
        let claim = AccessClaim(read: read, publish: publish, filters: filters.isEmpty ? nil : filters)
        do {
            _ = try AccessPolicy(claim: claim)
        } catch {
            throw ValidationError("\(error)")
        }
        return claim
    }

    /// `--expires-in` in seconds.
    private func lifetime() throws -> TimeInterval {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        let unit = expiresIn.last.flatMap { units[$0] }
        let number = unit == nil ? Substring(expiresIn) : expiresIn.dropLast()
        guard let value = Int(number), value > 0, Double(value) * (unit ?? 1) <= 10 * 365 * 86_400 else {
            throw ValidationError("--expires-in takes a positive duration of at most 10 years such as 3600, 90s, 15m, 1h or 7d, not '\(expiresIn)'")
        }
        return Double(value) * (unit ?? 1)
    }
}
