// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "Parallax",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "parallax", targets: ["parallax"]),
    .library(name: "ParallaxCore", targets: ["ParallaxCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
  ],
  targets: [
    .target(
      name: "ParallaxCore",
      dependencies: [.product(name: "HeapModule", package: "swift-collections")]
    ),
    .target(
      name: "ParallaxStore",
      dependencies: ["ParallaxCore", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    .target(
      name: "ParallaxSync",
      dependencies: [
        "ParallaxCore", "ParallaxStore", .product(name: "AsyncHTTPClient", package: "async-http-client"),
      ]
    ),
    .target(name: "StoreLibrary", dependencies: ["ParallaxApp", "ParallaxStore", "ParallaxCore"]),
    .target(name: "TerminalModel"),
    .systemLibrary(name: "CNcursesw"),
    .target(name: "CursesBackend", dependencies: ["CNcursesw", "ParallaxApp", "TerminalModel"]),
    .target(name: "ParallaxApp", dependencies: ["ParallaxCore", "TerminalModel"]),
    .executableTarget(
      name: "parallax",
      dependencies: [
        "ParallaxCore",
        "ParallaxApp",
        "TerminalModel",
        "CursesBackend",
        "ParallaxStore",
        "ParallaxSync",
        "StoreLibrary",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "TerminalModelTests", dependencies: ["TerminalModel"]),
    .testTarget(
      name: "ParallaxStoreTests",
      dependencies: ["ParallaxStore", "ParallaxCore", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    .testTarget(name: "ParallaxSyncTests", dependencies: ["ParallaxSync", "ParallaxStore", "ParallaxCore"]),
    .testTarget(
      name: "StoreLibraryTests",
      dependencies: ["StoreLibrary", "ParallaxApp", "ParallaxStore", "ParallaxCore", "TerminalModel"]
    ),
    .testTarget(name: "ParallaxAppTests", dependencies: ["ParallaxApp", "ParallaxCore", "TerminalModel"]),
    .testTarget(
      name: "ParallaxCoreTests",
      dependencies: ["ParallaxCore"],
      resources: [.copy("Fixtures")]
    ),
  ],
  swiftLanguageModes: [.v6]
)
