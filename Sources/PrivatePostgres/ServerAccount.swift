import Foundation

/// Which system user runs the server: `postgres` when we are root, else ourselves (`nil`).
enum ServerAccount {
    static func current() throws -> String? {
        guard getuid() == 0 else { return nil }
        guard getpwnam("postgres") != nil else {
            throw PrivatePostgresError(
                "running as root, PostgreSQL must run as the 'postgres' system user, which does not exist; "
                    + "install it with: apt-get install -y postgresql")
        }
        return "postgres"
    }

    /// The user and group ids of an account.
    static func ids(of user: String) -> (uid_t, gid_t)? {
        guard let entry = getpwnam(user) else { return nil }
        return (entry.pointee.pw_uid, entry.pointee.pw_gid)
    }
}

/// Creates and hands over the server's folder.
enum ServerFolder {
    /// A new folder under the system temp folder, which every user can reach.
    static func makeTemporary(owner: String?) throws -> String {
        var template = Array("/tmp/pglive-pg-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else {
            throw PrivatePostgresError("cannot create a temporary folder: \(String(cString: strerror(errno)))")
        }
        let path = String(cString: created)
        try handOver(path, to: owner)
        return path
    }

    /// Creates `path` if needed and hands it to the server's user.
    static func prepare(_ path: String, owner: String?) throws -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        try FileManager.default.createDirectory(atPath: absolute, withIntermediateDirectories: true)
        chmod(absolute, 0o700)
        try handOver(absolute, to: owner)
        return absolute
    }

    private static func handOver(_ path: String, to owner: String?) throws {
        guard let owner, let (uid, gid) = ServerAccount.ids(of: owner) else { return }
        guard chown(path, uid, gid) == 0 else {
            throw PrivatePostgresError("cannot hand \(path) to user \(owner): \(String(cString: strerror(errno)))")
        }
    }
}
