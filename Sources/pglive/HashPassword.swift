import ArgumentParser
import Foundation
import PGLiveServer

#if canImport(Glibc)
import Glibc
#endif

/// `pglive hash-password`: reads a password from standard input (without echo on a
/// terminal) and prints its ``PasswordHash`` for `--user NAME:HASH` or a configuration
/// file's `user = NAME:HASH`, so no password needs to be stored.
struct HashPassword: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash-password",
        abstract: "Hash a password read from standard input for --user NAME:HASH.",
        discussion: """
            Prints $pbkdf2-sha512$ROUNDS$SALT$HASH. Quote it on a command line: \
            pglive serve --user 'alice:$pbkdf2-sha512$…'. Each CONNECT with a new password \
            costs the rounds' CPU time once; the server then remembers it for that login.
            """)

    @Option(help: ArgumentHelp("PBKDF2 rounds, at least \(PasswordHash.minimumRounds).", valueName: "count"))
    var rounds: Int = PasswordHash.minimumRounds

    func validate() throws {
        guard rounds >= PasswordHash.minimumRounds, rounds <= 100_000_000 else {
            throw ValidationError("--rounds is \(PasswordHash.minimumRounds)...100000000, not \(rounds)")
        }
    }

    func run() throws {
        guard let password = Self.readPassword(), !password.isEmpty else {
            throw ValidationError("no password on standard input")
        }
        print(PasswordHash.make(password: password, rounds: rounds))
    }

    /// One line of standard input, with echo off while a terminal types it.
    private static func readPassword() -> String? {
        guard isatty(STDIN_FILENO) == 1 else {
            return readLine(strippingNewline: true)
        }
        FileHandle.standardError.write(Data("Password: ".utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return readLine(strippingNewline: true)
    }
}
