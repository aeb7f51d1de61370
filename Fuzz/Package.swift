// swift-tools-version:6.2
// The fuzz harness for the STOMP module, kept out of the main package so that
// `swift build --build-tests && swift test` never builds it. `Sources/STOMP` is a symlink
// to the main package's sources: the fuzzer compiles the very files pglive ships.
// Build and run it with `scripts/fuzz-stomp.sh`.
import PackageDescription

let package = Package(
    name: "pglive-fuzz",
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        .target(
            name: "STOMP",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // libFuzzer provides `main`; the target defines `LLVMFuzzerTestOneInput` instead.
        .executableTarget(
            name: "STOMPParserFuzz",
            dependencies: [
                "STOMP",
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
