import Foundation
import ParallaxCore
import ParallaxTestSupport
import Testing

@testable import ParallaxStore

/// One front door for importing paths (`parallax import` and `parallax PATH...`).
@Suite struct ImportSessionTests {
  @Test func pathsGoToTheImporterAndNewsboatSourcesToTheMigration() throws {
    let folder = try TestSupport.temporaryDirectory()
    let newsboat = folder.appendingPathComponent("newsboat")
    try FileManager.default.createDirectory(at: newsboat, withIntermediateDirectories: true)
    try "https://wire.example/feed.xml news\n".write(
      to: newsboat.appendingPathComponent("urls"), atomically: true, encoding: .utf8)
    let readList = folder.appendingPathComponent("read.txt")
    try "https://wire.example/1\n".write(to: readList, atomically: true, encoding: .utf8)
    let session = ImportSession(paths: [newsboat.path, TestSupport.seeds.path], readList: readList.path)
    #expect(session.newsboat.count == 1)
    #expect(session.newsboat.first?.readList == readList.path)
    #expect(session.others == [TestSupport.seeds.path])
    let store = try Store(path: TestSupport.temporaryStorePath())
    var summaries = 0
    let outcome = try session.run(into: store, onNewsboat: { _ in summaries += 1 })
    #expect(summaries == 1)
    #expect(outcome.newsboat.first?.feeds == 1)
    #expect(outcome.result?.added == 5)
    #expect(outcome.rowIDs.count == 5)
    #expect(try store.stats().stories == 4)
    // A read list alone is a newsboat import of its own.
    #expect(ImportSession(paths: [], readList: readList.path).newsboat.count == 1)
  }
}
