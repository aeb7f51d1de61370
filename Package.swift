// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "pglive",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "pglive", targets: ["pglive"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.1.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(
            name: "PostgresLibPQ",
            dependencies: [
                "CLibPQ",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "STOMP",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .target(name: "RowFilter"),
        .target(
            name: "Authorization",
            dependencies: ["RowFilter"]
        ),
        .target(
            name: "BearerTokens",
            dependencies: [
                "Authorization",
                .product(name: "JWTKit", package: "jwt-kit"),
            ]
        ),
        .target(
            name: "ChangeFeed",
            dependencies: [
                "PostgresLibPQ",
                "RowFilter",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Broker",
            dependencies: [
                "STOMP",
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .target(
            name: "LoadGenerator",
            dependencies: [
                "STOMP",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Dashboard",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .target(
            name: "HistoryAPI",
            dependencies: [
                "Authorization",
                "PostgresLibPQ",
                "ChangeFeed",
                "RowFilter",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .target(
            name: "PGLiveServer",
            dependencies: [
                "Authorization",
                "BearerTokens",
                "Dashboard",
                "HistoryAPI",
                "STOMP",
                "Broker",
                "ChangeFeed",
                "RowFilter",
                "PostgresLibPQ",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "PrivatePostgres",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Migrations",
            dependencies: [
                "PostgresLibPQ",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "pglive",
            dependencies: [
                "Authorization",
                "BearerTokens",
                "Broker",
                "STOMP",
                "PostgresLibPQ",
                "PrivatePostgres",
                "Migrations",
                "LoadGenerator",
                "PGLiveServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "PostgresTestSupport",
            dependencies: [
                "PostgresLibPQ",
                "PrivatePostgres",
                "Migrations",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/PostgresTestSupport"
        ),
        .testTarget(
            name: "PostgresLibPQTests",
            dependencies: ["PostgresLibPQ", "PostgresTestSupport"]
        ),
        .testTarget(
            name: "ChangeFeedTests",
            dependencies: ["ChangeFeed", "PostgresLibPQ", "PostgresTestSupport", "Migrations", "RowFilter"]
        ),
        .testTarget(
            name: "STOMPTests",
            dependencies: [
                "STOMP", "PostgresTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "BrokerTests",
            dependencies: [
                "Broker",
                "STOMP",
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "LoadGeneratorTests",
            dependencies: [
                "LoadGenerator",
                "STOMP",
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "DashboardTests",
            dependencies: ["Dashboard"]
        ),
        .testTarget(
            name: "AuthorizationTests",
            dependencies: ["Authorization", "RowFilter"]
        ),
        .testTarget(
            name: "BearerTokensTests",
            dependencies: [
                "BearerTokens", "Authorization",
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "RowFilterTests",
            dependencies: ["RowFilter", "PostgresLibPQ", "PostgresTestSupport"]
        ),
        .testTarget(
            name: "PGLiveServerTests",
            // "pglive" makes `swift test` build the binary the process tests run.
            dependencies: [
                "PGLiveServer", "STOMP", "Broker", "ChangeFeed", "PostgresLibPQ", "PostgresTestSupport", "PrivatePostgres", "pglive",
                "Authorization", "BearerTokens",
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .testTarget(
            name: "HistoryAPITests",
            dependencies: [
                "HistoryAPI", "ChangeFeed", "PostgresLibPQ", "PostgresTestSupport", "RowFilter", "Authorization",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "MigrationsTests",
            // "pglive" makes `swift test` build the binary the process tests run.
            dependencies: ["Migrations", "PostgresLibPQ", "PostgresTestSupport", "pglive"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
