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
    try DatabaseQueue(path: path, configuration: Store.fileConfiguration()).write { db in
      try db.execute(
        sql: """
          DROP INDEX story_thread; ALTER TABLE story DROP COLUMN thread;
          DROP INDEX story_heads; ALTER TABLE story DROP COLUMN threadHead;
          ALTER TABLE edge DROP COLUMN novelty; ALTER TABLE edge DROP COLUMN newFacts;
          ALTER TABLE edge DROP COLUMN cosine; ALTER TABLE edge DROP COLUMN rareNames;
          ALTER TABLE edge DROP COLUMN leadRareNames; ALTER TABLE edge DROP COLUMN titleDice;
          DELETE FROM grdb_migrations WHERE identifier IN ('v10-two-levels', 'v11-title-evidence', 'v12-every-script');
          ALTER TABLE article DROP COLUMN language;
          PRAGMA user_version = 9;
          """)
      // Signatures as format 9 wrote them: they end after the weekday field.
      let rows = try Row.fetchAll(db, sql: "SELECT articleID, data FROM signature")
      for row in rows {
        let signature = try #require(HashedSignature(row[1] as Data))
        let tail =
          4 + signature.quotes.reduce(0) { $0 + 4 + 8 * $1.count } + 4 + 8 * signature.leadTerms.count + 4 + 8
          * signature.titleTerms.count + 4 + signature.language.rawValue.utf8.count
        let old = Data((row[1] as Data).dropLast(tail))
        try db.execute(sql: "UPDATE signature SET data = ? WHERE articleID = ?", arguments: [old, row[0] as Int64])
      }
      // The stories as one level left them: the Istanbul story and the others alone.
    }
    let store = try Store(path: path)
    let stories = try store.storyPage(offset: 0, limit: 10)
    #expect(stories.count == 4)
    #expect(stories.allSatisfy { $0.thread == StoryID.thread(story: $0.id) }, "each story its own thread")
    #expect(try store.storyCount(view: StoryView(threads: true)) == 4, "each its thread's newest report")
    let signatures = try store.pool.read { db in
      try Row.fetchAll(db, sql: "SELECT data FROM signature").compactMap { HashedSignature($0[0] as Data) }
    }
    #expect(signatures.count == 5)
    #expect(signatures.allSatisfy { !$0.leadTerms.isEmpty && !$0.titleTerms.isEmpty }, "signed again")
    let read = try store.allArticles().filter(\.isRead)
    #expect(read.count == 1 && read[0].inputID.hasPrefix("000") && read[0].isStarred)
    #expect(try store.search("Varachyne").count == 2)
    #expect(try store.integrityCheck() == "ok")
    // Regroup: the seeds are one thread.
    try store.regroupAll()
    #expect(Set(try store.storyPage(offset: 0, limit: 10).map(\.thread)).count == 1)
    #expect(try store.storyCount(view: StoryView(threads: true)) == 1)
    #expect(try store.allArticles().filter(\.isRead).count == 1)
  }
}

/// Threads as list rows (`T`): one row per thread by its newest report, unread while any
/// report is, `+1 report` when a report joins a read thread.
@Suite struct ThreadRowsTests {
  /// A follow-up of the seeds: the talks' outcome, with facts of its own.
  static let followUp = Article(
    id: "followup-1", title: "Istanbul talks end with prisoner swap as Umerov and Medinsky agree on 1,000 captives",
    body: """
      Russian and Ukrainian delegations led by Rustem Umerov and Vladimir Medinsky agreed in Istanbul on Friday \
      to exchange 1,000 prisoners each, the largest swap of the war, after talks hosted by Turkish Foreign \
      Minister Hakan Fidan at the Dolmabahce palace. "This is a first result," Umerov said, adding that Kyiv \
      still demanded a 30-day ceasefire.

      Kremlin spokesman Dmitry Peskov said Moscow would study the proposal for a meeting of Vladimir Putin and \
      Volodymyr Zelenskyy. The talks lasted 90 minutes, Turkish officials said, and a second round was not set.
      """, source: "Wire", published: nil)

  /// A thread's row is its newest report, and moves to a newer report that joins it.
  @Test func aThreadsRowIsItsNewestReport() throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    // The seeds dated a day apart in name order: 004 (with 003, one report) is the newest.
    let dated = TwoLevelStoreTests.seeds.sorted { $0.id < $1.id }.enumerated().map { day, article in
      var article = article
      article.published = "2026-05-1\(day)T09:00:00Z"
      return article
    }
    try store.add(dated)
    let threads = StoryView(threads: true)
    var row = try #require(try store.storyPage(offset: 0, limit: 10, view: threads).first)
    #expect(row.reports == 4 && row.title == dated[3].title, "\(row.title)")
    var followUp = Self.followUp
    followUp.published = "2026-05-20T09:00:00Z"
    try store.add([followUp])
    row = try #require(try store.storyPage(offset: 0, limit: 10, view: threads).first)
    #expect(try store.storyCount(view: threads) == 1)
    #expect(row.reports == 5 && row.title == followUp.title, "\(row.title)")
  }

  @Test func oneRowPerThreadAndAReportJoiningAReadThreadBringsItBack() throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    try store.add(TwoLevelStoreTests.seeds)
    let threads = StoryView(threads: true)
    #expect(try store.storyCount(view: threads) == 1)
    var row = try #require(try store.storyPage(offset: 0, limit: 10, view: threads).first)
    #expect(row.reports == 4 && row.unread && row.newReports == 0)
    try store.markAllRead(view: threads)
    #expect(try store.allArticles().allSatisfy(\.isRead), "every report of the thread is read")
    row = try #require(try store.storyPage(offset: 0, limit: 10, view: threads).first)
    #expect(!row.unread)
    #expect(try store.storyCount(view: StoryView(unreadOnly: true, threads: true)) == 0)

    try store.add([Self.followUp])
    let article = try #require(try store.allArticles().first { $0.inputID == "followup-1" })
    let stories = try store.storyPage(offset: 0, limit: 10)
    #expect(stories.count == 5, "a report of its own")
    #expect(Set(stories.map(\.thread)).count == 1, "in the seeds' thread")
    row = try #require(try store.storyPage(offset: 0, limit: 10, view: threads).first)
    #expect(row.reports == 5 && row.unread && row.newReports == 1)
    #expect(try store.storyCount(view: StoryView(unreadOnly: true, threads: true)) == 1)
    // The newest report stands for the thread (the follow-up is undated like the seeds: the
    // list's order puts it where the store's order does; the row is one of the thread's).
    #expect(stories.contains { $0.id == row.id })
    _ = article
  }

  @Test func theMemoryLibraryListsThreadsAsTheStoreDoes() throws {
    let articles = TwoLevelStoreTests.seeds + [Self.followUp]
    let library = MemoryLibrary(articles: articles, stories: StoryGrouper().group(articles))
    library.setFilter(ListFilter(threads: true))
    #expect(library.storyCount == 1)
    var row = try #require(library.story(at: 0))
    #expect(row.reports == 5 && row.unread && row.newReports == 0)
    // Read every report but the follow-up: it is the thread's news.
    for (s, story) in library.stories.enumerated()
    where !story.members.contains(where: { $0.articleID == "followup-1" }) {
      for m in story.members { library.setRead(m.inputIndex, true) }
      _ = s
    }
    row = try #require(library.story(at: 0))
    #expect(row.unread && row.newReports == 1)
    _ = library.setStoryRead(0, true)
    row = try #require(library.story(at: 0))
    #expect(!row.unread)
  }
}
