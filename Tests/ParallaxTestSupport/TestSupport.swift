import Foundation

/// Paths the tests share (the repository's seeds and fixtures, new temporary folders and
/// store files), independent of the working directory.
public enum TestSupport {
  /// The repository's root.
  public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  /// The five sample articles.
  public static let seeds = repository.appendingPathComponent("seeds")
  /// The core tests' fixtures.
  public static let fixtures = repository.appendingPathComponent("Tests/ParallaxCoreTests/Fixtures")

  /// A new empty temporary folder.
  public static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// A store path in a new temporary folder (the folder is created by the store).
  public static func temporaryStorePath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("parallax-store-\(UUID().uuidString)/s.sqlite").path
  }
}

/// A small seeded generator, so shuffles are the same on every run.
public struct SplitMix: RandomNumberGenerator {
  var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
