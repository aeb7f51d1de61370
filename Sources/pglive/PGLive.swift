import ArgumentParser

@main
struct PGLive: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pglive")
}
