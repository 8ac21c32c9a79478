import Foundation
import ParallaxTestSupport
import Testing

@testable import ParallaxCore

@Suite struct ArticleLoaderTests {
  @Test func foldersAreReadRecursivelySkippingHiddenFilesWithRelativeIDs() throws {
    let dir = try TestSupport.temporaryDirectory()
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      at: dir.appendingPathComponent(".hidden"), withIntermediateDirectories: true)
    try "Top\nbody".write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    try "Nested\nbody".write(to: dir.appendingPathComponent("sub/b.txt"), atomically: true, encoding: .utf8)
    try "Secret\nbody".write(to: dir.appendingPathComponent(".hidden/c.txt"), atomically: true, encoding: .utf8)
    try "Dot\nbody".write(to: dir.appendingPathComponent(".d.txt"), atomically: true, encoding: .utf8)
    let output = ArticleLoader().load([dir.path])
    #expect(output.articles.map(\.id) == ["a.txt", "sub/b.txt"])
    #expect(output.diagnostics.isEmpty)
  }

  @Test func aBinaryFileIsSkippedWithAMessageAndTheRestLoads() throws {
    let dir = try TestSupport.temporaryDirectory()
    try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0x02]).write(to: dir.appendingPathComponent("image.png"))
    try "Title\nText".write(to: dir.appendingPathComponent("ok.txt"), atomically: true, encoding: .utf8)
    let output = ArticleLoader().load([dir.path])
    #expect(output.articles.map(\.id) == ["ok.txt"])
    #expect(output.diagnostics.count == 1)
    #expect(output.diagnostics[0].path.hasSuffix("image.png"))
    #expect(output.diagnostics[0].message.contains("binary"))
    #expect(output.skippedSomething)
  }

  @Test func invalidUTF8IsRepairedAndReportedWithItsLine() throws {
    let dir = try TestSupport.temporaryDirectory()
    let file = dir.appendingPathComponent("latin1.txt")
    try Data("Title\nCaf".utf8 + [0xE9] + Data(" au lait\n".utf8)).write(to: file)
    let output = ArticleLoader().load([file.path])
    #expect(output.articles.count == 1)
    #expect(output.articles[0].body == "Caf\u{FFFD} au lait")
    #expect(output.diagnostics.map(\.severity) == [.warning])
    #expect(output.diagnostics[0].line == 2)
    #expect(!output.skippedSomething)
  }

  @Test func anEmptyFileIsSkipped() throws {
    let dir = try TestSupport.temporaryDirectory()
    let file = dir.appendingPathComponent("empty.txt")
    try Data("  \n\n".utf8).write(to: file)
    let output = ArticleLoader().load([file.path])
    #expect(output.articles.isEmpty)
    #expect(output.diagnostics.first?.message == "empty file")
  }

  @Test func aFileOverTheSizeLimitIsSkippedWithoutReadingIt() throws {
    let dir = try TestSupport.temporaryDirectory()
    let file = dir.appendingPathComponent("huge.txt")
    FileManager.default.createFile(atPath: file.path, contents: nil)
    let handle = try FileHandle(forWritingTo: file)
    try handle.truncate(atOffset: 50 << 20)
    try handle.close()
    let output = ArticleLoader().load([file.path, TestSupport.seeds.path])
    #expect(output.articles.count == 5)
    #expect(output.diagnostics.count == 1)
    #expect(output.diagnostics[0].message.contains("50.0 MB"))
  }

  @Test func aMissingPathIsReported() {
    let output = ArticleLoader().load(["/nonexistent/parallax"])
    #expect(output.diagnostics.first?.message == "no such file or folder")
  }
}

/// Reading in batches gives what reading at once gives, a batch at a time.
@Suite struct ArticleStreamTests {
  @Test func streamingGivesTheSameArticlesInBatchesOfWholeFiles() throws {
    let dir = try TestSupport.temporaryDirectory()
    for i in 0..<7 {
      let lines = (0..<3).map { #"{"id":"f\#(i)-\#($0)","text":"Story \#(i) part \#($0). More words here."}"# }
      try lines.joined(separator: "\n").write(
        to: dir.appendingPathComponent("f\(i).jsonl"), atomically: true, encoding: .utf8)
    }
    let missing = dir.appendingPathComponent("missing.txt").path
    let atOnce = ArticleLoader().load([dir.path, missing])
    var batches: [ArticleLoader.Output] = []
    ArticleLoader().stream([dir.path, missing], batchArticles: 5) { batches.append($0) }
    #expect(batches.map(\.articles.count) == [6, 6, 6, 3])
    #expect(batches.flatMap(\.articles).map(\.id) == atOnce.articles.map(\.id))
    #expect(batches.flatMap(\.diagnostics).map(\.message) == ["no such file or folder"])

    // Read ahead on another thread, each batch prepared there: the same batches, in order.
    var ahead: [(ArticleLoader.Output, [String])] = []
    try ArticleLoader().stream(
      [dir.path, missing], batchArticles: 5, readAhead: 1, prepare: { $0.articles.map(\.id) }
    ) { ahead.append(($0, $1)) }
    #expect(ahead.map(\.0.articles.count) == [6, 6, 6, 3])
    #expect(ahead.flatMap(\.1) == atOnce.articles.map(\.id))

    // A failure while storing stops reading and is rethrown.
    struct Stop: Error {}
    var taken = 0
    #expect(throws: Stop.self) {
      try ArticleLoader().stream([dir.path], batchArticles: 5, readAhead: 1, prepare: { _ in () }) { _, _ in
        taken += 1
        throw Stop()
      }
    }
    #expect(taken == 1)
  }
}
