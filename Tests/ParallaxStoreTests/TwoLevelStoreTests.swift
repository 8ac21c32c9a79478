import Foundation
import GRDB
import ParallaxApp
import ParallaxCore
import ParallaxTestSupport
import Testing

@testable import ParallaxStore

/// Two levels in the store: threads stored with stories, old stores migrated.
@Suite struct TwoLevelStoreTests {
  static let seeds = ArticleLoader().load([TestSupport.seeds.path]).articles

  @Test func theSeedsAreOneThreadOfFourReportsInTheStoreAsInMemory() throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    try store.add(Self.seeds)
    let stories = try store.storyPage(offset: 0, limit: 10)
    #expect(stories.count == 4)
    #expect(Set(stories.map(\.thread)).count == 1)
    let memory = StoryGrouper().group(Self.seeds)
    #expect(Set(stories.compactMap(\.thread)) == Set(memory.map(\.thread)))
    // The thread's reports, oldest first (undated: by identity, 000 first).
    let reports = try store.threadReports(try #require(stories.first?.thread))
    #expect(reports.count == 4)
    #expect(reports.first?.title.hasPrefix("Diplomatic Push") == true)
    #expect(reports.last?.size == 2)
  }

  /// `reports>N`: stories whose thread has more than N reports, alike in the store and in
  /// memory.
  @Test func theReportsFilterCountsTheThreadsReports() throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    try store.add(Self.seeds)
    let memory = MemoryLibrary(articles: Self.seeds, stories: StoryGrouper().group(Self.seeds))
    for (text, expected) in [
      ("reports>3", 4), ("reports>=4", 4), ("reports>4", 0), ("reports=1", 0), ("reports>1 versions>1", 1),
    ] {
      let query = try StoryQuery(parsing: text)
      #expect(try store.storyCount(view: StoryView(query: query)) == expected, "\(text) in the store")
      memory.setFilter(ListFilter(query: query))
      #expect(memory.storyCount == expected, "\(text) in memory")
    }
    #expect(throws: StoryQuery.ParseError.self) { try StoryQuery(parsing: "reports>many") }
    // A word that starts like the term is a word.
    #expect(try StoryQuery(parsing: "reportsfrom").alternatives == [[.words(["reportsfrom"])]])
  }

  /// A store of format 9 (before two levels): opening it adds the pair evidence and the
  /// thread columns, signs every article again (its signature gains quotations and lead
  /// terms), keeps every story, each its own thread, with read state and search; a regroup
  /// then threads them.
  @Test func aStoreFromBeforeTwoLevelsIsMigratedAndRegroupThreadsIt() throws {
    let path = TestSupport.temporaryStorePath()
    do {
      let store = try Store(path: path)
      try store.add(Self.seeds)
      let first = try #require(try store.allArticles().first { $0.inputID.hasPrefix("000") })
      try store.pool.write { db in
        try db.execute(sql: "UPDATE article SET isRead = 1, isStarred = 1 WHERE id = ?", arguments: [first.rowID])
      }
    }
    // As format 9 left it: no thread, no pair evidence, signatures without the new fields.
    try DatabaseQueue(path: path).write { db in
      try db.execute(
        sql: """
          DROP INDEX story_thread; ALTER TABLE story DROP COLUMN thread;
          ALTER TABLE edge DROP COLUMN novelty; ALTER TABLE edge DROP COLUMN newFacts;
          ALTER TABLE edge DROP COLUMN cosine; ALTER TABLE edge DROP COLUMN rareNames;
          ALTER TABLE edge DROP COLUMN leadRareNames;
          DELETE FROM grdb_migrations WHERE identifier = 'v10-two-levels'; PRAGMA user_version = 9;
          """)
      // Signatures as format 9 wrote them: they end after the weekday field.
      let rows = try Row.fetchAll(db, sql: "SELECT articleID, data FROM signature")
      for row in rows {
        let signature = try #require(HashedSignature(row[1] as Data))
        let tail = 4 + signature.quotes.reduce(0) { $0 + 4 + 8 * $1.count } + 4 + 8 * signature.leadTerms.count
        let old = Data((row[1] as Data).dropLast(tail))
        try db.execute(sql: "UPDATE signature SET data = ? WHERE articleID = ?", arguments: [old, row[0] as Int64])
      }
      // The stories as one level left them: the Istanbul story and the others alone.
    }
    let store = try Store(path: path)
    let stories = try store.storyPage(offset: 0, limit: 10)
    #expect(stories.count == 4)
    #expect(stories.allSatisfy { $0.thread == StoryID.thread(story: $0.id) }, "each story its own thread")
    let signatures = try store.pool.read { db in
      try Row.fetchAll(db, sql: "SELECT data FROM signature").compactMap { HashedSignature($0[0] as Data) }
    }
    #expect(signatures.count == 5)
    #expect(signatures.allSatisfy { !$0.leadTerms.isEmpty }, "signed again")
    let read = try store.allArticles().filter(\.isRead)
    #expect(read.count == 1 && read[0].inputID.hasPrefix("000") && read[0].isStarred)
    #expect(try store.search("Varachyne").count == 2)
    #expect(try store.integrityCheck() == "ok")
    // Regroup: the seeds are one thread.
    try store.regroupAll()
    #expect(Set(try store.storyPage(offset: 0, limit: 10).map(\.thread)).count == 1)
    #expect(try store.allArticles().filter(\.isRead).count == 1)
  }
}
