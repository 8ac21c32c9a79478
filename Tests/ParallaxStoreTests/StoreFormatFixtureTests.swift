import Foundation
import GRDB
import ParallaxCore
import ParallaxTestSupport
import Testing

@testable import ParallaxStore

/// Every historical store format opens: `Tests/StoreFormats/format-N.sqlite` was written by
/// Parallax as it was at the last commit of format N (the seeds and a one-item feed imported,
/// one article then read and starred; `Tests/StoreFormats/README.md`). Each is migrated to the
/// current format with its articles, read state, stars, feeds and search intact.
@Suite struct StoreFormatFixtureTests {
  static let folder = TestSupport.repository.appendingPathComponent("Tests/StoreFormats")

  static var fixtures: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
      .filter { $0.hasPrefix("format-") && $0.hasSuffix(".sqlite") }.sorted()
  }

  /// What the old store holds, read as it is (before any migration).
  struct Counts: Equatable {
    var articles = 0
    var read = 0
    var starred = 0
    var feeds = 0
  }

  static func counts(_ db: Database) throws -> Counts {
    Counts(
      articles: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article") ?? 0,
      read: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article WHERE isRead") ?? 0,
      starred: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article WHERE isStarred") ?? 0,
      feeds: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feed") ?? 0)
  }

  @Test func everyFormatHasAFixture() {
    let formats = Set(Self.fixtures.compactMap { Int($0.dropFirst(7).dropLast(7)) })
    #expect(formats == Set(1..<Store.formatVersion))
  }

  /// Store format 15 keeps pairs in order of their newer article: every pair of a format-14
  /// store is kept, with its evidence, and grouping reads them by that article.
  @Test func pairsAreKeptInOrderOfTheirNewerArticle() throws {
    let path = TestSupport.temporaryStorePath()
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: Self.folder.appendingPathComponent("format-14.sqlite").path, toPath: path)
    let pairs =
      "SELECT a, b, score, conflict, novelty, newFacts, cosine, rareNames, leadRareNames, titleDice, leadWords FROM edge ORDER BY a, b"
    let before = try DatabaseQueue(path: path, configuration: Store.fileConfiguration()).read { db in
      try Row.fetchAll(db, sql: pairs)
    }
    #expect(!before.isEmpty)
    let store = try Store(path: path)
    let after = try store.pool.read { db in try Row.fetchAll(db, sql: pairs) }
    #expect(after == before)
    let key = try store.pool.read { db in
      try Row.fetchAll(
        db, sql: "SELECT name FROM pragma_index_info((SELECT name FROM pragma_index_list('edge') WHERE origin = 'pk'))"
      )
      .map { $0[0] as String }
    }
    #expect(key == ["b", "a"])
    let indexes = try store.pool.read { db in
      try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pragma_index_list('edge') WHERE origin != 'pk'")
    }
    #expect(indexes == 0)
  }

  /// Store format 16 signs articles with a headline in capitals again (its words are names
  /// only where the text names them): a store of format 15 gets the signatures a new store
  /// makes, and the rest keep theirs.
  @Test func shoutedHeadlinesAreSignedAgain() throws {
    let path = TestSupport.temporaryStorePath()
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    let shouted = Article(
      id: "fed", title: "FED ADDS RESERVES VIA REPURCHASES",
      body: "The Federal Reserve supplied reserves via customer repurchases, a Fed spokesman said.", source: "Wire")
    let mixed = Article(
      id: "talks", title: "Talks resume in Istanbul", body: "Delegations met in Istanbul on Monday.", source: "Wire")
    let signatures = "SELECT articleID, data, digest FROM signature ORDER BY articleID"
    let expected: [Row]
    do {
      let fresh = try Store(path: path)
      _ = try fresh.add([shouted, mixed])
      expected = try fresh.pool.read { db in try Row.fetchAll(db, sql: signatures) }
      try fresh.pool.write { db in
        // As format 15 left them: stand-ins that only signing again replaces.
        try db.execute(sql: "UPDATE signature SET digest = 0")
        try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v16-shouted-headlines'")
        try db.execute(sql: "PRAGMA user_version = 15")
      }
    }
    let reopened = try Store(path: path)
    let after = try reopened.pool.read { db in try Row.fetchAll(db, sql: signatures) }
    let shoutedID = try reopened.pool.read { db in
      try Int64.fetchOne(db, sql: "SELECT id FROM article WHERE title = ?", arguments: [shouted.title])
    }
    #expect(after.count == 2)
    for (row, old) in zip(after, expected) {
      let id: Int64 = row["articleID"]
      if id == shoutedID {
        #expect(row == old)
      } else {
        #expect(row["digest"] as Int64 == 0)
      }
    }
    #expect(try reopened.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == Store.formatVersion)
  }

  @Test(arguments: fixtures)
  func aStoreWrittenByAnEarlierParallaxOpensWithEverythingKept(fixture: String) throws {
    let path = TestSupport.temporaryStorePath()
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: Self.folder.appendingPathComponent(fixture).path, toPath: path)
    let before = try DatabaseQueue(path: path, configuration: Store.fileConfiguration()).read(Self.counts)
    #expect(before.articles >= 5 && before.read == 1 && before.starred == 1)
    let store = try Store(path: path)
    let after = try store.pool.read(Self.counts)
    #expect(after == before)
    let format = try store.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }
    #expect(format == Store.formatVersion)
    #expect(try store.search("Istanbul").count >= 2)
    #expect(try store.search("佩斯科夫").isEmpty)
    #expect(try store.allArticles().allSatisfy { $0.language == "en" })
    #expect(try store.integrityCheck() == "ok")
    // Grouped as a new store groups the seeds.
    try store.regroupAll()
    let seeds = try store.allArticles().filter { $0.inputID.hasSuffix(".txt") }
    #expect(Set(seeds.compactMap(\.story)).count == 4)
    #expect(try store.allArticles().filter(\.isRead).count == 1)
  }
}
