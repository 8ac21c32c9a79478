// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "Parallax",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "parallax", targets: ["parallax"]),
    .executable(name: "parallax-bench", targets: ["parallax-bench"]),
    .library(name: "ParallaxCore", targets: ["ParallaxCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    // Imported by ParallaxSync (NIOCore, NIOHTTP1) beside async-http-client, so declared here.
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    // Insecure.MD5 for the Fever API's key (already built for async-http-client's TLS).
    .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
  ],
  targets: [
    .target(
      name: "ParallaxCore",
      dependencies: ["CLibXML2", .product(name: "HeapModule", package: "swift-collections")]
    ),
    .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
    .target(
      name: "ParallaxStore",
      dependencies: [
        "ParallaxCore", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]
    ),
    .target(
      name: "ParallaxSync",
      dependencies: [
        "ParallaxCore", "ParallaxStore", "ReaderServer",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
      ]
    ),
    .target(
      name: "ReaderServer",
      dependencies: [
        "ParallaxCore", .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .target(name: "StoreLibrary", dependencies: ["ParallaxApp", "ParallaxStore", "ParallaxCore"]),
    .target(name: "TerminalModel"),
    .systemLibrary(name: "CNcursesw"),
    .target(name: "CursesBackend", dependencies: ["CNcursesw", "TerminalModel"]),
    .target(name: "ParallaxApp", dependencies: ["ParallaxCore", "TerminalModel"]),
    .target(
      name: "ParallaxCLI",
      dependencies: [
        "ParallaxCore", "ParallaxStore", "ParallaxApp", "TerminalModel",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "parallax-bench",
      dependencies: [
        "ParallaxCLI", "ParallaxCore", "ParallaxApp", "TerminalModel", "ParallaxStore", "StoreLibrary",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "parallax",
      dependencies: [
        "ParallaxCLI",
        "ParallaxCore",
        "ParallaxApp",
        "TerminalModel",
        "CursesBackend",
        "ParallaxStore",
        "ParallaxSync",
        "ReaderServer",
        "StoreLibrary",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // The readers under libFuzzer (Tests/Fuzz/run.sh builds it with -sanitize=fuzzer
    // -DFUZZING); built plainly, it replays inputs: parallax-fuzz TARGET FILE...
    .executableTarget(name: "parallax-fuzz", dependencies: ["ParallaxCore"]),
    .target(name: "ParallaxTestSupport", path: "Tests/ParallaxTestSupport"),
    .testTarget(name: "TerminalModelTests", dependencies: ["TerminalModel"]),
    .testTarget(
      name: "ParallaxCLITests",
      dependencies: [
        "ParallaxTestSupport", "ParallaxCLI", "ParallaxCore", "ParallaxStore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "ParallaxStoreTests",
      dependencies: [
        "ParallaxTestSupport", "ParallaxStore", "ParallaxCore", "ParallaxApp",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
    .testTarget(
      name: "ParallaxSyncTests", dependencies: ["ParallaxTestSupport", "ParallaxSync", "ParallaxStore", "ParallaxCore"]),
    .testTarget(
      name: "StoreLibraryTests",
      dependencies: [
        "ParallaxTestSupport",
        "StoreLibrary", "ParallaxApp", "ParallaxStore", "ParallaxCore", "TerminalModel",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
    .testTarget(
      name: "ReaderServerTests",
      dependencies: [
        "ParallaxTestSupport", "ReaderServer", "ParallaxSync", "ParallaxStore", "ParallaxCore", "ParallaxApp",
      ]
    ),
    .testTarget(
      name: "ParallaxAppTests", dependencies: ["ParallaxTestSupport", "ParallaxApp", "ParallaxCore", "TerminalModel"]),
    .testTarget(
      name: "ParallaxCoreTests",
      dependencies: ["ParallaxTestSupport", "ParallaxCore"],
      resources: [.copy("Fixtures")]
    ),
  ],
  swiftLanguageModes: [.v6]
)
