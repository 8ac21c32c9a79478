import Foundation
import GRDB
import ParallaxCore
import ParallaxTestSupport
import Testing

@testable import ParallaxStore

/// Identical copies (one signature) join their original's story without being scored or
/// clustered, in memory and in the store alike.
@Suite struct IdenticalCopyTests {
  static let report = IncrementalGroupingTests.article("orig-3")
  static let rewrite = IncrementalGroupingTests.article("retitled-3")

  static func copy(_ article: Article, id: String, published: String? = nil) -> Article {
    var copy = article
    copy.id = id
    copy.url = nil
    if let published { copy.published = published }
    return copy
  }

  @Test func aCopyJoinsItsOriginalsStoryWithoutScoringOrClustering() throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    try store.add([Self.report, Self.rewrite])
    let before = try store.storyPage(offset: 0, limit: 10)
    #expect(before.count == 1)
    let edges = try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM edge") }

    // A copy that is no first report (no date, and a later key): same story, same id,
    // nothing scored or clustered.
    #expect(Self.report.published == nil)
    try store.add([Self.copy(Self.report, id: "z-copy")], regroup: false)
    let later = try store.groupPending()
    #expect(later.articles == 1)
    #expect(later.copies == 1)
    #expect(later.candidatePairs == 0)
    #expect(later.edges == 0)
    #expect(later.reclustered == 0)
    #expect(try store.storyPage(offset: 0, limit: 10).map(\.id) == before.map(\.id))
    #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM edge") } == edges)

    // A copy with a date (known dates come first): it is the first report now, and names
    // the story.
    let early = Self.copy(Self.report, id: "early-copy", published: "1999-01-01T00:00:00Z")
    try store.add([early], regroup: false)
    let renamed = try store.groupPending()
    #expect(renamed.copies == 1)
    #expect(renamed.reclustered == 0)
    #expect(renamed.storiesWritten == 1)
    let after = try store.storyPage(offset: 0, limit: 10)
    #expect(after.map(\.id) == [StoryID.make(anchor: early.identityKey)])
    #expect(try store.allArticles().allSatisfy { $0.story == after.first?.id })
    #expect(try store.stats().stories == 1)
    let copies = try store.pool.read { db in
      try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article WHERE copyOf IS NOT NULL")
    }
    #expect(copies == 2)
  }

  @Test func copiesWithinOneBatchCountOnceInMemoryAndInTheStore() throws {
    let articles = [Self.report, Self.copy(Self.report, id: "c1"), Self.copy(Self.report, id: "c2"), Self.rewrite]
    var storage = MemoryGroupingStorage()
    for article in articles {
      storage.add(
        article,
        signature: StoryGrouper.hashedSignatures(of: [article], leadTokens: GroupingParameters.default.leadTokens)[0])
    }
    let report = try GroupingEngine().groupPending(&storage)
    #expect(report.copies == 2)
    #expect(report.candidatePairs == 1)
    #expect(storage.groupedOriginalCount() == 2)
    #expect(Set((0..<4).map { storage.story(of: Int64($0)) }).count == 1)
    #expect(storage.score(1, 2)?.score == 1)
    #expect(storage.score(1, 3)?.score == storage.score(0, 3)?.score)

    let store = try Store(path: TestSupport.temporaryStorePath())
    try store.add(articles, regroup: false)
    let stored = try store.groupPending()
    #expect(stored.copies == 2)
    #expect(stored.candidatePairs == 1)
    #expect(try store.stats().stories == 1)
    #expect(StoryGrouper().group(articles).map(\.id) == (try store.storyPage(offset: 0, limit: 10).map(\.id)))
  }

  @Test func articlesWithoutWordsAreNeverCopies() throws {
    let empty = [
      Article(id: "a", title: "", body: ""), Article(id: "b", title: "", body: ""),
      Article(id: "c", title: "!", body: "?"),
    ]
    let store = try Store(path: TestSupport.temporaryStorePath())
    try store.add(empty, regroup: false)
    #expect(try store.groupPending().copies == 0)
    #expect(try store.stats().stories == 3)
    #expect(StoryGrouper().group(empty).count == 3)
  }

  /// A store from before copies were collapsed (format 8) holds its copies as ordinary
  /// members with pairs of their own: opening it marks them, drops their pairs, and later
  /// copies join their stories.
  @Test func aStoreFromBeforeCopiesIsMigrated() throws {
    let path = TestSupport.temporaryStorePath()
    do {
      let store = try Store(path: path)
      try store.add([Self.report, Self.copy(Self.report, id: "old-copy"), Self.rewrite])
      // As format 8 left it: no digests or copies, and the copy's own pairs.
      try store.pool.write { db in
        let ids = try Int64.fetchAll(db, sql: "SELECT id FROM article ORDER BY id")
        try db.execute(
          sql: "INSERT INTO edge (a, b, score, conflict) VALUES (?, ?, 1, 0)", arguments: [ids[0], ids[1]])
        try db.execute(
          sql: "INSERT INTO edge (a, b, score, conflict) SELECT ?, b, score, conflict FROM edge WHERE a = ? AND b = ?",
          arguments: [ids[1], ids[0], ids[2]])
      }
    }
    try DatabaseQueue(path: path, configuration: Store.fileConfiguration()).write { db in
      try db.execute(
        sql: """
          DROP INDEX signature_digest; DROP INDEX article_original;
          ALTER TABLE signature DROP COLUMN digest; ALTER TABLE article DROP COLUMN copyOf;
          ALTER TABLE story DROP COLUMN anchor; UPDATE story SET sources = 'Wire, Daily News, Ltd';
          DELETE FROM grdb_migrations WHERE identifier = 'v9-identical-copies'; PRAGMA user_version = 8;
          CREATE TRIGGER "__articleSearch_ai" AFTER INSERT ON "article" BEGIN
            INSERT INTO "articleSearch"("rowid", "title", "body") VALUES (new."id", new."title", new."body");
          END;
          """)
    }
    let store = try Store(path: path)
    let (copies, copyEdges, digests) = try store.pool.read { db in
      (
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article WHERE copyOf IS NOT NULL"),
        try Int.fetchOne(
          db, sql: "SELECT COUNT(*) FROM edge WHERE a IN (SELECT id FROM article WHERE copyOf IS NOT NULL)"),
        try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT digest) FROM signature")
      )
    }
    #expect(copies == 1)
    #expect(copyEdges == 0)
    #expect(digests == 2)
    let (anchors, sources) = try store.pool.read { db in
      (
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM story WHERE anchor IS NULL"),
        try String.fetchOne(db, sql: "SELECT sources FROM story")
      )
    }
    #expect(anchors == 0)
    #expect(sources == #"["Wire","Daily News","Ltd"]"#)
    try store.add([Self.copy(Self.report, id: "new-copy")], regroup: false)
    let report = try store.groupPending()
    #expect(report.copies == 1)
    #expect(try store.stats().stories == 1)
    // Indexed for search once (by the insert; the old trigger is gone).
    let word = try #require(Self.report.title.split(separator: " ").max { $0.count < $1.count })
    let found = try store.search(String(word)).map(\.inputID).sorted()
    #expect(found == ["new-copy", "old-copy", "orig-3", "retitled-3"], "\(word)")
    #expect(try store.integrityCheck() == "ok")
  }
}
