import Foundation

/// The paths of `initdb` and `pg_ctl` of the newest installed PostgreSQL.
struct PostgresBinaries: Sendable {
    let initdb: String
    let pgCtl: String

    /// Looks in `/usr/lib/postgresql/<version>/bin` (Debian's layout, newest first), then on `PATH`.
    static func locate() throws -> PostgresBinaries {
        let fileManager = FileManager.default
        let versions = ((try? fileManager.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .compactMap(Int.init).sorted(by: >)
        var folders = versions.map { "/usr/lib/postgresql/\($0)/bin" }
        folders += (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for folder in folders {
            let initdb = folder + "/initdb", pgCtl = folder + "/pg_ctl"
            if fileManager.isExecutableFile(atPath: initdb), fileManager.isExecutableFile(atPath: pgCtl) {
                return PostgresBinaries(initdb: initdb, pgCtl: pgCtl)
            }
        }
        throw PrivatePostgresError(
            "PostgreSQL server binaries (initdb, pg_ctl) not found; install them with: apt-get install -y postgresql")
    }
}
