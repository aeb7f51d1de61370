import ArgumentParser

@main
struct PGLive: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pglive",
        abstract: "Publishes PostgreSQL row changes over STOMP/WebSocket.",
        subcommands: [Serve.self, Demo.self, Migrate.self, Bench.self, Token.self])
}
