import Foundation
import GRDB
import ParallaxCore
import ParallaxTestSupport
import Synchronization
import Testing

@testable import ParallaxStore

/// Each way a store can fail a person: said once, in words, with what became of the data;
/// and the data is as it was.
@Suite struct StoreProblemTests {
  func temporaryPath() -> String {
    TestSupport.temporaryStorePath()
  }

  /// Articles with enough distinct text to need many pages.
  func articles(_ count: Int, prefix: String) -> [Article] {
    (0..<count).map { i in
      let words = (0..<400).map { "w\(prefix)\(i)x\($0)" }.joined(separator: " ")
      return Article(id: "\(prefix)-\(i)", title: "Report \(prefix) \(i)", body: words + ".", source: "Wire")
    }
  }

  /// A new store at `path` whose inserts into `table` fail with `message` (a trigger).
  func refusingStore(_ path: String, inserts table: String, saying message: String) throws -> Store {
    let store = try Store(path: path)
    try store.pool.write { db in
      try db.execute(
        sql: "CREATE TRIGGER refuse BEFORE INSERT ON \(table) BEGIN SELECT RAISE(FAIL, '\(message)'); END")
    }
    return store
  }

  func pageCount(_ path: String) throws -> Int {
    try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
  }

  @Test func aFullDiskIsOneLineAndNothingFromTheImportIsStored() throws {
    let path = temporaryPath()
    _ = try Store(path: path).add(articles(3, prefix: "a"))
    let pages = try pageCount(path)
    // SQLite itself fails the write with SQLITE_FULL past this many pages, as on a full disk.
    let store = try Store(path: path, options: .init(maxPageCount: pages + 2))
    let loaded = ArticleLoader.Output(articles: articles(200, prefix: "b"))
    let failure = try #require(throws: Importer.Failure.self) { try Importer.store(loaded, into: store) }
    #expect(failure.problem.kind == StoreProblem.Kind.diskFull)
    #expect(failure.message == "parallax: the disk holding \(path) is full: nothing from this import was stored")
    let reopened = try Store(path: path)
    #expect(try reopened.stats().articles == 3)
    #expect(try reopened.integrityCheck() == "ok")
  }

  /// A failure while grouping part-way through an import (every `groupEvery` articles) is
  /// reported as one, with what was kept, not as an unknown failure while storing (review
  /// defect 1 of issue 24).
  @Test func aFailureWhileGroupingMidImportSaysSoAndKeepsWhatWasStored() throws {
    let path = temporaryPath()
    let store = try refusingStore(path, inserts: "story", saying: "no room for stories")
    let importer = Importer(store: store, groupEvery: 2)
    let failure = try #require(throws: Importer.Failure.self) {
      try importer.add(articles(3, prefix: "a"), feed: nil)
      try importer.add(articles(3, prefix: "b"), feed: nil)
    }
    #expect(failure.whileGrouping)
    #expect(failure.beforeTheEnd)
    #expect(failure.storedBefore == 3)
    #expect(failure.problem.kind == .other("no room for stories"))
    #expect(
      failure.message
        == "parallax: the store \(path) failed: no room for stories: the 3 new articles stored so far are kept, those not "
        + "grouped yet are grouped by the next import or parallax regroup; the rest of this import was not stored")
    #expect(try store.stats().articles == 3)
  }

  /// Pairs are written through SQLite's own binding (not GRDB's arguments): a refused pair
  /// row still fails the pass in words, with nothing of the pass kept.
  @Test func aRefusedPairRowFailsTheGroupingInWords() throws {
    let path = temporaryPath()
    let store = try refusingStore(path, inserts: "edge", saying: "no room for pairs")
    // Two reports sharing their words: a pair worth keeping.
    let report = "Kenteris and Thanou appeared before the tribunal in Athens on Saturday to fight their bans."
    let articles = [
      Article(id: "a", title: "Greek pair at hearing", body: report, source: "One"),
      Article(id: "b", title: "Greek sprinters at hearing", body: report + " A ruling is due.", source: "Two"),
    ]
    let failure = try #require(throws: Importer.Failure.self) {
      try Importer.store(ArticleLoader.Output(articles: articles), into: store)
    }
    #expect(failure.whileGrouping)
    #expect(failure.problem.kind == .other("no room for pairs"))
    #expect(try store.stats().articles == 2 && store.stats().stories == 0)
    try store.pool.write { db in try db.execute(sql: "DROP TRIGGER refuse") }
    try store.groupPending()
    #expect(try store.stats().stories == 1)
    #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM edge") } == 1)
  }

  @Test func aReadOnlyStoreRefusesWritesInWordsAndStillReads() throws {
    let path = temporaryPath()
    // The writer stays open meanwhile, as another program's would: opening read-only while
    // a writer is still closing (deleting its WAL) failed now and then under parallel tests.
    let writer = try Store(path: path)
    defer { withExtendedLifetime(writer) {} }
    _ = try writer.add(articles(2, prefix: "a"))
    let store = try Store(path: path, options: .init(readOnly: true))
    #expect(try store.stats().articles == 2)
    let error = try #require(throws: StoreProblem.self) { try store.add(articles(1, prefix: "b")) }
    #expect(error.kind == .readOnly)
    #expect(
      error.message(outcome: "nothing from this import was stored")
        == "parallax: the store \(path) is read-only (the file or its folder cannot be written): nothing from this import was stored"
    )
    #expect(try Store(path: path).stats().articles == 2)
  }

  @Test func aStoreLockedByAnotherProgramPastTheBusyTimeoutSaysSo() async throws {
    let path = temporaryPath()
    _ = try Store(path: path).add(articles(1, prefix: "a"))
    var holding = Configuration()
    holding.allowsUnsafeTransactions = true  // this connection keeps a write lock between accesses
    let other = try DatabaseQueue(path: path, configuration: holding)
    let store = try Store(path: path, options: .init(busySeconds: 0.2))
    try other.inDatabase { db in try db.execute(sql: "BEGIN IMMEDIATE") }
    let error = try #require(throws: StoreProblem.self) { try store.add(articles(1, prefix: "b")) }
    #expect(error.kind == .locked(seconds: 0.2))
    #expect(error.description == "the store \(path) is locked by another program (still locked after 0.2 s)")
    try other.inDatabase { db in try db.execute(sql: "ROLLBACK") }
    #expect(try store.add(articles(1, prefix: "b")).added == 1)
  }

  @Test func aStoreFromANewerParallaxIsRefusedNamingBothVersionsAndLeftUntouched() throws {
    let path = temporaryPath()
    _ = try Store(path: path).add(articles(1, prefix: "a"))
    try DatabaseQueue(path: path, configuration: Store.fileConfiguration()).write { db in
      try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v-from-the-future')")
      try db.execute(sql: "PRAGMA user_version = \(Store.formatVersion + 1)")
      try db.execute(sql: "UPDATE parallaxInfo SET value = '9.1.0' WHERE key = 'version'")
    }
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let error = try #require(throws: StoreProblem.self) { try Store(path: path) }
    #expect(error.kind == .newerFormat(storeFormat: Store.formatVersion + 1, writtenBy: "9.1.0"))
    #expect(
      error.message()
        == "parallax: the store \(path) was written by a newer Parallax (Parallax 9.1.0, store format \(Store.formatVersion + 1)); "
        + "this is Parallax \(ParallaxVersion.current), which reads store formats up to \(Store.formatVersion): "
        + "it was not opened or changed; use that Parallax, or --store for another store")
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }

  @Test func unknownMigrationsAloneAlsoMeanANewerStore() throws {
    let path = temporaryPath()
    _ = try Store(path: path)
    try DatabaseQueue(path: path, configuration: Store.fileConfiguration()).write { db in
      try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v5-next')")
    }
    let error = try #require(throws: StoreProblem.self) { try Store(path: path) }
    guard case .newerFormat(let format, _) = error.kind else {
      Issue.record("expected a newer format, got \(error.kind)")
      return
    }
    #expect(format == Store.formatVersion + 1)
  }

  @Test func theStoreRecordsItsFormatAndWriter() throws {
    let path = temporaryPath()
    // Kept open while read: a pool closing (checkpointing and removing its WAL) as another
    // connection opens was seen to fail once under load with a disk I/O error.
    let store = try Store(path: path)
    defer { withExtendedLifetime(store) {} }
    let (format, writer) = try DatabaseQueue(path: path).read { db in
      (
        try Int.fetchOne(db, sql: "PRAGMA user_version"),
        try String.fetchOne(db, sql: "SELECT value FROM parallaxInfo WHERE key = 'version'")
      )
    }
    #expect(format == Store.formatVersion)
    #expect(writer == ParallaxVersion.current)
    #expect(Store.formatVersion == 17)
  }

  @Test func emptyAndMalformedSearchQueriesAreExplained() throws {
    let store = try Store(path: temporaryPath())
    _ = try store.add(articles(1, prefix: "a"))
    for empty in ["", "   ", "\t\n"] {
      let error = try #require(throws: SearchQueryError.self) { try store.search(empty) }
      #expect(error.explanation.hasPrefix("the query is empty"))
    }
    let cases: [(String, String)] = [
      ("a AND", "the query ends where more was expected"),
      ("c++", "\"+\" cannot stand there; to search for it as written, put it in double quotes: \"c++\""),
      ("foo:bar", "\"foo\" reads as a field name"),
      ("drones-kill", "put them in double quotes: \"drones-kill\""),
      ("say \"hi", "a double quote is not closed"),
      ("*", "a query cannot start with *"),
    ]
    for (query, expected) in cases {
      let error = try #require(throws: SearchQueryError.self, "\(query)") { try store.search(query) }
      #expect(error.description.contains(expected), "\(query): \(error)")
      #expect(error.description.hasPrefix("cannot search for \(query): "))
    }
    #expect(try store.search("\"c++\"").isEmpty)
    #expect(try store.search("wa0x1").count == 1)
  }

  @Test func theSyncLockIsHeldByOneAtATime() throws {
    let path = temporaryPath()
    _ = try Store(path: path)
    let first = try StoreLock(store: path, wait: false)
    #expect(throws: StoreLock.Failure.held(pid: getpid())) { try StoreLock(store: path, wait: false) }
    withExtendedLifetime(first) {}
    _ = consume first
    #expect(throws: Never.self) { _ = try StoreLock(store: path, wait: false) }
  }

  /// A lock that is not taken closes its own descriptor once: closed twice, the second
  /// close hits whatever another thread opened under that number in between (it once closed
  /// a store's database file and a test server's socket). A second thread keeps opening a
  /// file and reading it back while locks fail on this one; the numbers the failing locks
  /// free are the ones it gets.
  @Test func aLockNotTakenClosesNothingButItsOwnFile() throws {
    let path = temporaryPath()
    _ = try Store(path: path)
    let first = try StoreLock(store: path, wait: false)
    let probe = path + ".probe"
    try Data("probe".utf8).write(to: URL(fileURLWithPath: probe))
    let stop = Atomic<Bool>(false)
    let broken = Atomic<Int>(0)
    let reader = Thread {
      var buffer = [UInt8](repeating: 0, count: 5)
      while !stop.load(ordering: .relaxed) {
        let fd = open(probe, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { continue }
        for _ in 0..<20 where pread(fd, &buffer, 5, 0) != 5 || buffer != Array("probe".utf8) {
          broken.add(1, ordering: .relaxed)
          break
        }
        close(fd)
      }
    }
    reader.start()
    for _ in 0..<20_000 {
      #expect(throws: StoreLock.Failure.self) { try StoreLock(store: path, wait: false) }
    }
    stop.store(true, ordering: .relaxed)
    while !reader.isFinished { usleep(1_000) }
    withExtendedLifetime(first) {}
    #expect(broken.load(ordering: .relaxed) == 0, "a failed lock closed another file's descriptor")
  }
}
