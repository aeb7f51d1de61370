import Foundation

/// The built `pglive` binary, run as a child process with its output in files so a
/// test can read it while the process runs.
public final class PGLiveProcess {
    public let process = Process()
    private let stdoutURL: URL
    private let stderrURL: URL

    /// Starts `pglive` with arguments.
    /// - Parameters:
    ///   - arguments: the command line after `pglive`.
    ///   - environment: variables to set on top of the test's own.
    public init(_ arguments: [String], environment: [String: String] = [:]) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("pglive-run-\(UUID().uuidString)")
        stdoutURL = base.appendingPathExtension("out")
        stderrURL = base.appendingPathExtension("err")
        try Data().write(to: stdoutURL)
        try Data().write(to: stderrURL)
        process.executableURL = try Self.binary()
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: stdoutURL)
        try? FileManager.default.removeItem(at: stderrURL)
    }

    /// What the process wrote to standard output so far.
    public var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    /// What the process wrote to standard error so far.
    public var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    /// The port a `listening` log line reports for an endpoint (`http` or `stomp`), if one did yet.
    /// - Parameter endpoint: the endpoint's name in the log.
    public func listeningPort(_ endpoint: String) -> Int? {
        for line in stderr.split(separator: "\n") where line.contains("endpoint=\(endpoint)") {
            if let range = line.range(of: #"port=\d+"#, options: .regularExpression) {
                return Int(line[range].dropFirst("port=".count))
            }
        }
        return nil
    }

    /// Waits until a `pglive serve` or `demo` listens on both endpoints.
    /// - Returns: the HTTP and STOMP ports.
    public func waitForPorts(timeout: Duration = .seconds(60)) async throws -> (http: Int, stomp: Int) {
        try await Deadline.waitUntil("pglive to listen", timeout: timeout) {
            listeningPort("http") != nil && listeningPort("stomp") != nil
        }
        return (listeningPort("http")!, listeningPort("stomp")!)
    }

    /// Waits for the process to exit and returns its status (the signal's number if a
    /// signal ended it).
    /// - Parameter timeout: the deadline.
    public func exitStatus(timeout: Duration = .seconds(60)) async throws -> Int32 {
        var exited: Int32?
        do {
            try await Deadline.waitUntil("pglive \(process.arguments?.joined(separator: " ") ?? "") to exit", timeout: timeout) {
                exited = process.isRunning ? Self.exitedStatus(of: process.processIdentifier) : process.terminationStatus
                return exited != nil
            }
        } catch {
            throw DidNotExit(waiting: error, stderrTail: String(self.stderr.suffix(3000)))
        }
        return exited!
    }

    /// The status of a child that has exited but is not reaped yet, `nil` while it runs.
    ///
    /// Foundation's `Process` sees an exit only once every copy of a socket the child
    /// inherited is closed: a program that inherited one from the child, or from this
    /// process while the child was being launched, would hide the exit for its own life.
    /// `waitid` with `WNOWAIT` asks the kernel and leaves the reaping to `Process`.
    private static func exitedStatus(of pid: pid_t) -> Int32? {
        var info = siginfo_t()
        guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0,
              info._sifields._sigchld.si_pid == pid else { return nil }
        return info._sifields._sigchld.si_status
    }

    /// A process that outlived its exit deadline, with the end of what it logged.
    public struct DidNotExit: Error, CustomStringConvertible {
        /// The deadline's error.
        public let waiting: any Error
        /// The last lines of its standard error.
        public let stderrTail: String

        public var description: String {
            "\(waiting); its standard error ends with:\n\(stderrTail)"
        }
    }

    /// Runs `pglive` to completion.
    /// - Parameters:
    ///   - arguments: the command line after `pglive`.
    ///   - environment: variables to set on top of the test's own.
    /// - Returns: the exit status, standard output and standard error.
    public static func run(
        _ arguments: [String], environment: [String: String] = [:]
    ) async throws -> (status: Int32, stdout: String, stderr: String) {
        let process = try PGLiveProcess(arguments, environment: environment)
        let status = try await process.exitStatus()
        return (status, process.stdout, process.stderr)
    }

    /// The `pglive` binary: `$PGLIVE_BINARY`, else the first `pglive` found next to the
    /// test executable or in a folder above it (SwiftPM puts both in the build folder).
    private static func binary() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["PGLIVE_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("pglive")
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
            folder.deleteLastPathComponent()
        }
        throw BinaryNotFound(searchedFrom: executable.path)
    }

    struct BinaryNotFound: Error, CustomStringConvertible {
        let searchedFrom: String
        var description: String { "no pglive binary near \(searchedFrom); build it or set PGLIVE_BINARY" }
    }
}
