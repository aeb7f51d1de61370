import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a server binary, as another user where needed, and turns a failure into an error
/// that carries the program's output.
///
/// It spawns with `posix_spawn` and waits with `waitpid` rather than using Foundation's
/// `Process`: on Linux, `Process` learns that a child exited when a socket the child
/// inherited is closed, and `pg_ctl start` passes that socket on to the daemonised
/// server, so `waitUntilExit` would wait for as long as the server runs.
///
/// For the same reason the program inherits nothing but its standard input, output and
/// error. Foundation's socket for a process being launched on another thread is open, and
/// not close-on-exec, for a moment: a PostgreSQL started in that moment would hold it for
/// its whole life, and `Process` would report that other process running long after it
/// exited (measured: 32 of 200 short-lived `Process`es looked alive for over a second
/// while long-lived programs were spawned this old way beside them). Tests start servers
/// while they launch `pglive` processes.
enum CommandRunner {
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], runAs user: String?) throws -> String {
        let name = (executable as NSString).lastPathComponent
        let command = (user.map { ["/usr/sbin/runuser", "-u", $0, "--", executable] } ?? [executable]) + arguments
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else {
            throw PrivatePostgresError("cannot run \(name): pipe: \(String(cString: strerror(errno)))")
        }
        // Only the spawned program may hold the write end, or end of file never comes.
        pipeEnds.forEach { _ = fcntl($0, F_SETFD, FD_CLOEXEC) }
        let output = FileHandle(fileDescriptor: pipeEnds[0], closeOnDealloc: true)
        let pid = try spawn(command, output: pipeEnds[1], name: name)
        let data = output.readDataToEndOfFile()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        let text = String(decoding: data, as: UTF8.self)
        let exitCode = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + status & 0x7f
        guard exitCode == 0 else {
            throw PrivatePostgresError("\(name) failed (exit \(exitCode)): \(text)")
        }
        return text
    }

    /// Starts `command` with standard input from `/dev/null`, standard output and error
    /// into `output` (which it closes in this process) and no other descriptor.
    private static func spawn(_ command: [String], output: Int32, name: String) throws -> pid_t {
        defer { close(output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, output, 2)
        closeInheritedDescriptors(&actions)
        let arguments = command.map { strdup($0) } + [nil]
        defer { arguments.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, command[0], &actions, nil, arguments, environ)
        guard result == 0 else {
            throw PrivatePostgresError("cannot run \(name): \(String(cString: strerror(result)))")
        }
        return pid
    }

    /// Adds the closing of every descriptor from 3 up to the spawn's file actions: with
    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later, not exported to
    /// Swift by the Glibc module), else one close per descriptor open now.
    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        if let closeFrom = addCloseFrom {
            _ = closeFrom(&actions, 3)
            return
        }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for descriptor in open.compactMap({ Int32($0) }) where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
    }

    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    private static let addCloseFrom: AddCloseFrom? = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np")
        .map { unsafeBitCast($0, to: AddCloseFrom.self) }
}
