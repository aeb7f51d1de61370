import Foundation
import PostgresTestSupport
import PrivatePostgres
import Testing

/// What a private PostgreSQL (the demo's, the tests') inherits from the process that starts it.
@Suite struct PrivatePostgresDescriptorTests {
    @Test func aPrivatePostgresHoldsNoDescriptorOfTheProcessThatStartedIt() async throws {
        // A descriptor open (and inheritable) while the server starts, as Foundation's socket
        // for a `pglive` being launched beside it is: the server must not keep it.
        var ends: [Int32] = [-1, -1]
        #expect(pipe(&ends) == 0)
        defer { ends.forEach { close($0) } }
        let inherited = try Self.target(of: "/proc/self/fd/\(ends[1])")

        let postgres = try await blocking { try PrivatePostgresServer.start(options: .init(fast: true), logger: TestPostgres.logger) }
        defer { postgres.stop() }
        let pidFile = try String(contentsOfFile: postgres.directory + "/data/postmaster.pid", encoding: .utf8)
        let postmaster = try #require(pidFile.split(separator: "\n").first.map(String.init))
        let held = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(postmaster)/fd")
            .compactMap { try? Self.target(of: "/proc/\(postmaster)/fd/\($0)") }
        #expect(!held.contains(inherited), "the postmaster holds \(held)")
    }

    /// What a `/proc/…/fd/N` link points to, e.g. `pipe:[1234]`.
    private static func target(of link: String) throws -> String {
        try FileManager.default.destinationOfSymbolicLink(atPath: link)
    }
}
