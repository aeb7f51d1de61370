import Foundation

/// Runs a server binary, as another user where needed, and turns a failure into an error
/// that carries the program's output.
enum CommandRunner {
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], runAs user: String?) throws -> String {
        let process = Process()
        if let user {
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            process.arguments = ["-u", user, "--", executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            let name = (executable as NSString).lastPathComponent
            throw PrivatePostgresError("\(name) failed (exit \(process.terminationStatus)): \(text)")
        }
        return text
    }
}
