import Foundation
import GRDB
import ParallaxCore
import ParallaxTestSupport
import Testing

@testable import ParallaxStore

/// Every store format opens: a store left at each earlier format (the schema its migrations
/// made, filled as that format's writers filled it) migrates to the current one with its
/// articles, read state, stars, feeds and search intact, and groups like a new store.
@Suite struct MigrationPathTests {
  static let seeds = ArticleLoader().load([TestSupport.seeds.path]).articles

  /// Identifiers of every migration but the last, in order: the formats a store can be left at.
  static let formats: [String] = Array(Store.migrator.migrations.dropLast())

  /// A store at format `upTo` (its migrations applied and no later one) holding the seeds, as
  /// that format's writer stored them: rows, search text, signatures, a feed, read and starred.
  static func store(at upTo: String) throws -> String {
    let path = TestSupport.temporaryStorePath()
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    let queue = try DatabaseQueue(path: path, configuration: Store.fileConfiguration())
    try Store.migrator.migrate(queue, upTo: upTo)
    try queue.write { db in
      let columns = Set(try db.columns(in: "article").map(\.name))
      let hasSignatures = try db.tableExists("signature")
      let signatureColumns = hasSignatures ? Set(try db.columns(in: "signature").map(\.name)) : []
      // From v9 the insert trigger is gone: writers index the text themselves.
      let indexedByTrigger =
        try Int.fetchOne(
          db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name = '__articleSearch_ai'")
        == 1
      try db.execute(sql: "INSERT INTO feed (url, title) VALUES ('https://wire.example/feed.xml', 'Wire')")
      let feed = db.lastInsertedRowID
      for (i, article) in seeds.enumerated() {
        var names = ["key", "inputID", "title", "body", "attributions", "metadata", "fetchedAt", "isRead", "isStarred"]
        var values: [any DatabaseValueConvertible] = [
          article.identityKey, article.id, article.title, article.body, "[]", "{}", "2026-01-01T00:00:00Z", i == 0,
          i == 0,
        ]
        if columns.contains("details") {
          names.append("details")
          values.append("{}")
        }
        if columns.contains("language") {
          names.append("language")
          values.append("en")
        }
        try db.execute(
          sql:
            "INSERT INTO article (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))",
          arguments: StatementArguments(values))
        let id = db.lastInsertedRowID
        if !indexedByTrigger {
          try db.execute(
            sql: "INSERT INTO articleSearch (rowid, title, body) VALUES (?, ?, ?)",
            arguments: [id, article.title, article.body])
        }
        try db.execute(sql: "INSERT INTO articleFeed (articleID, feedID) VALUES (?, ?)", arguments: [id, feed])
        if hasSignatures {
          let signature = HashedSignature(ArticleSignature(article: article, leadTokens: 500))
          if signatureColumns.contains("digest") {
            try db.execute(
              sql: "INSERT INTO signature (articleID, data, digest) VALUES (?, ?, ?)",
              arguments: [id, signature.encoded, Int64(bitPattern: signature.digest)])
          } else {
            try db.execute(
              sql: "INSERT INTO signature (articleID, data) VALUES (?, ?)", arguments: [id, signature.encoded])
          }
        }
      }
      if columns.contains("viaFeed") { try db.execute(sql: "UPDATE article SET viaFeed = 1") }
      try db.execute(sql: "PRAGMA user_version = \(formats.firstIndex(of: upTo)! + 1)")
    }
    return path
  }

  @Test(arguments: formats)
  func aStoreOfEveryEarlierFormatOpensWithEverythingKept(format: String) throws {
    let path = try Self.store(at: format)
    let store = try Store(path: path)
    let stats = try store.stats()
    #expect(stats.articles == 5)
    #expect(stats.unread == 4)
    #expect(stats.starred == 1)
    #expect(stats.feeds == 1)
    #expect(try store.search("Istanbul").count >= 2)
    #expect(try store.integrityCheck() == "ok")
    // Grouped as a new store groups the seeds: four reports, one thread.
    try store.regroupAll()
    let stories = try store.storyPage(offset: 0, limit: 10)
    #expect(stories.count == 4)
    #expect(Set(stories.map(\.thread)).count == 1)
    #expect(try store.allArticles().filter(\.isRead).count == 1)
    #expect(try store.allArticles().allSatisfy { $0.language == "en" })
  }
}
