import Foundation

/// Paths to test fixtures and the repository's seeds, independent of the working directory.
enum TestSupport {
  static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  static let fixtures = testsDirectory.appendingPathComponent("Fixtures")
  static let seeds = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("seeds")

  /// A new empty temporary folder.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
