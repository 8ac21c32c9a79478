import Foundation
import GRDB
import GRDBSQLite
import ParallaxCore

/// Grouping in the store: the core's ``GroupingEngine`` over the store's tables
/// (``SQLGroupingStorage``). Each article's signature is computed once, when it is stored;
/// a pass groups the articles not grouped yet (`story IS NULL`) in one write transaction,
/// so a killed pass is finished by the next one. ``regroupAll()`` forgets the pairs and term
/// statistics and groups every article as one batch, which is what importing everything at
/// once does.
extension Store {
  /// What a grouping pass did.
  public typealias GroupingReport = GroupingEngine.Report

  /// Groups the articles not grouped yet.
  @discardableResult
  public func groupPending(parameters: GroupingParameters = .default) throws -> GroupingReport {
    try writing { db in try Self.groupPending(db, parameters: parameters) }
  }

  /// Regroups every stored article from scratch (their signatures are kept).
  @discardableResult
  public func regroupAll(parameters: GroupingParameters = .default) throws -> GroupingReport {
    try writing { db in
      try db.execute(
        sql:
          """
          DELETE FROM edge; DELETE FROM termStat; DELETE FROM story; DELETE FROM storyFeed;
          UPDATE article SET story = NULL, copyOf = NULL
          """
      )
      // Regrouping moves no article in or out of the store: read state stays as it is.
      return try Self.groupPending(db, parameters: parameters, settle: false)
    }
  }

  static func groupPending(_ db: Database, parameters: GroupingParameters, settle: Bool = true) throws
    -> GroupingReport
  {
    let arrivals =
      settle ? try Int64.fetchAll(db, sql: "SELECT id FROM article WHERE story IS NULL AND isRead = 0") : []
    var storage = try SQLGroupingStorage(db)
    var report = try GroupingEngine(parameters: parameters).groupPending(&storage)
    report.repairedSignatures = storage.repairs.count
    if !arrivals.isEmpty { try settleArrivals(db, arrivals) }
    report.stories = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM story") ?? 0
    return report
  }
}

/// ``GroupingStorage`` over the store's tables, inside one write transaction: `signature`
/// (one blob per article), `termStat` (document frequency and capped posting list per term
/// hash), `edge` (kept pairs, conflicts too), `story`, and `article.story`.
struct SQLGroupingStorage: GroupingStorage {
  let db: Database
  let termPostings: Statement
  let termFrequencies: Statement
  let signatureRows: Statement
  let storyMembers: Statement
  let threadMembers: Statement
  let edgesTo: Statement
  let member: Statement
  let original: Statement
  let markCopy: Statement
  let upsertTerm: Statement
  let insertEdge: Statement
  let setStory: Statement
  let insertStory: Statement
  let growStory: Statement
  let tally: Statement
  let deleteStory: Statement
  let deleteStoryFeeds: Statement
  let linkFeeds: Statement
  let threadOfStory: Statement
  /// Marks the newest story of each thread of a JSON array of thread ids as its head.
  let markThreadHeads: Statement
  /// Articles whose stored signature could not be read, signed again from their text.
  let repairs = Repairs()

  /// Counts signatures repaired during a pass (the storage's reads are not mutating).
  final class Repairs {
    var count = 0
  }

  init(_ db: Database) throws {
    self.db = db
    termPostings = try db.makeStatement(
      sql: "SELECT hash, postings FROM termStat WHERE hash IN (SELECT value FROM json_each(?))")
    // Frequencies alone: posting lists span overflow pages that a frequency does not need.
    termFrequencies = try db.makeStatement(
      sql: "SELECT hash, df FROM termStat WHERE hash IN (SELECT value FROM json_each(?))")
    signatureRows = try db.makeStatement(
      sql: "SELECT articleID, data FROM signature WHERE articleID IN (SELECT value FROM json_each(?))")
    storyMembers = try db.makeStatement(
      sql:
        "SELECT article.id, article.key, article.title, article.source, article.published, article.story, article.copyOf, story.thread FROM article LEFT JOIN story ON story.id = article.story WHERE article.story = ?"
    )
    threadMembers = try db.makeStatement(
      sql: """
        SELECT article.id, article.key, article.title, article.source, article.published, article.story, article.copyOf, story.thread FROM story JOIN article ON article.story = story.id
        WHERE story.thread = ?
        """)
    edgesTo = try db.makeStatement(
      sql:
        "SELECT a, score, conflict, novelty, newFacts, cosine, rareNames, leadRareNames, titleDice, leadWords FROM edge WHERE b = ?"
    )
    member = try db.makeStatement(
      sql:
        "SELECT article.id, article.key, article.title, article.source, article.published, article.story, article.copyOf, story.thread FROM article LEFT JOIN story ON story.id = article.story WHERE article.id = ?"
    )
    original = try db.makeStatement(
      sql: """
        SELECT signature.articleID FROM signature JOIN article ON article.id = signature.articleID
        WHERE signature.digest = ? AND article.story IS NOT NULL AND article.copyOf IS NULL
        ORDER BY signature.articleID LIMIT 1
        """)
    markCopy = try db.makeStatement(sql: "UPDATE article SET copyOf = ? WHERE id = ?")
    upsertTerm = try db.makeStatement(
      sql: """
        INSERT INTO termStat (hash, df, postings) VALUES (?, ?, ?)
        ON CONFLICT(hash) DO UPDATE SET df = excluded.df, postings = COALESCE(excluded.postings, postings)
        """)
    insertEdge = try db.makeStatement(
      sql: """
        INSERT OR REPLACE INTO edge
          (a, b, score, conflict, novelty, newFacts, cosine, rareNames, leadRareNames, titleDice, leadWords)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    setStory = try db.makeStatement(sql: "UPDATE article SET story = ? WHERE id = ? AND story IS NOT ?")
    insertStory = try db.makeStatement(
      sql: """
        INSERT OR REPLACE INTO story (id, title, size, latest, sources, anchor, thread) VALUES (?, ?, ?, ?, ?, ?, ?)
        """)
    growStory = try db.makeStatement(sql: "UPDATE story SET size = ?, latest = ?, sources = ? WHERE id = ?")
    tally = try db.makeStatement(
      sql: """
        SELECT article.id, key, article.title, source, published, story, copyOf, story.thread, story.size,
          story.latest, story.sources
        FROM story JOIN article ON article.id = story.anchor WHERE story.id = ?
        """)
    deleteStory = try db.makeStatement(sql: "DELETE FROM story WHERE id = ?")
    deleteStoryFeeds = try db.makeStatement(sql: "DELETE FROM storyFeed WHERE storyID = ?")
    threadOfStory = try db.makeStatement(sql: "SELECT thread FROM story WHERE id = ?")
    // The list's order: newest first, then id.
    // Each thread's head found once (materialised), then its stories marked.
    markThreadHeads = try db.makeStatement(
      sql: """
        WITH heads AS MATERIALIZED (
          SELECT threads.value AS thread,
            (SELECT t.id FROM story t WHERE t.thread = threads.value ORDER BY t.latest DESC, t.id LIMIT 1) AS head
          FROM json_each(?) AS threads)
        UPDATE story SET threadHead = (story.id IS heads.head) FROM heads WHERE story.thread = heads.thread
        """)
    linkFeeds = try db.makeStatement(
      sql: "INSERT OR IGNORE INTO storyFeed (storyID, feedID) SELECT ?, feedID FROM articleFeed WHERE articleID = ?")
  }

  func pendingArticles() throws -> [PendingArticle] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT article.id, article.key, signature.data, signature.digest FROM article
        JOIN signature ON signature.articleID = article.id WHERE article.story IS NULL
        """
    ).map { row in
      if let signature = HashedSignature(row[2] as Data) {
        return PendingArticle(
          id: row[0], key: row[1], signature: signature, digest: (row[3] as Int64?).map { UInt64(bitPattern: $0) })
      }
      let signature = try repair(row[0])
      return PendingArticle(id: row[0], key: row[1], signature: signature, digest: signature.digest)
    }
  }

  /// Signs article `id` again from its stored text when its signature blob cannot be read
  /// (damaged on disk, or written by a broken build), writes the new blob and counts it: the
  /// article is grouped on its text, not left alone without a word.
  func repair(_ id: Int64) throws -> HashedSignature {
    let article = try StoredArticle.fetchOne(db, key: id)?.article ?? Article(id: "", title: "", body: "")
    let signature = HashedSignature(article: article)
    try db.execute(
      sql: "UPDATE signature SET data = ?, digest = ? WHERE articleID = ?",
      arguments: [signature.encoded, Int64(bitPattern: signature.digest), id])
    repairs.count += 1
    return signature
  }

  func groupedOriginalCount() throws -> Int {
    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article WHERE story IS NOT NULL AND copyOf IS NULL") ?? 0
  }

  func originals(withDigests digests: [UInt64]) throws -> [UInt64: Int64] {
    var out = [UInt64: Int64]()
    for digest in digests {
      if let id = try Int64.fetchOne(original, arguments: [Int64(bitPattern: digest)]) { out[digest] = id }
    }
    return out
  }

  mutating func markCopies(_ copies: [Int64: Int64]) throws {
    for (copy, original) in copies.sorted(by: { $0.key < $1.key }) {
      try markCopy.execute(arguments: [original, copy])
    }
  }

  // Rows are read through cursors (one reused row, no array of rows): these queries return
  // tens of thousands of rows for one feed of new articles.

  func documentFrequencies(of terms: [UInt64]) throws -> [UInt64: Int32] {
    var out = [UInt64: Int32](minimumCapacity: terms.count)
    for list in Self.jsonLists(terms.map { String(Int64(bitPattern: $0)) }) {
      let rows = try Row.fetchCursor(termFrequencies, arguments: [list])
      while let row = try rows.next() { out[UInt64(bitPattern: row[0] as Int64)] = row[1] }
    }
    return out
  }

  func postings(of terms: [UInt64]) throws -> [UInt64: [Int64]] {
    var out = [UInt64: [Int64]](minimumCapacity: terms.count)
    for list in Self.jsonLists(terms.map { String(Int64(bitPattern: $0)) }) {
      let rows = try Row.fetchCursor(termPostings, arguments: [list])
      while let row = try rows.next() {
        if let blob = row[1] as Data? { out[UInt64(bitPattern: row[0] as Int64)] = Self.decodeIDs(blob) }
      }
    }
    return out
  }

  func signatures(of ids: [Int64]) throws -> [Int64: HashedSignature] {
    // Read here, decoded on all cores.
    var blobs: [(id: Int64, data: Data)] = []
    blobs.reserveCapacity(ids.count)
    for list in Self.jsonLists(ids.map { String($0) }) {
      let rows = try Row.fetchCursor(signatureRows, arguments: [list])
      while let row = try rows.next() { blobs.append((row[0], row[1])) }
    }
    let read = blobs
    let decoded = StoryGrouper.concurrentMap(read.count) { HashedSignature(read[$0].data) }
    var out = [Int64: HashedSignature](minimumCapacity: ids.count)
    for (blob, signature) in zip(blobs, decoded) { out[blob.id] = try signature ?? repair(blob.id) }
    return out
  }

  /// `values` as JSON arrays of at most 4,096, for queries that walk one with `json_each`
  /// (one statement run instead of one per value).
  static func jsonLists(_ values: [String]) -> [String] {
    stride(from: 0, to: values.count, by: 4_096).map {
      "[" + values[$0..<min(values.count, $0 + 4_096)].joined(separator: ",") + "]"
    }
  }

  func members(ofStories stories: [String]) throws -> [GroupingMember] {
    try stories.flatMap { try Row.fetchAll(storyMembers, arguments: [$0]).map(Self.member) }
  }

  func members(ofThreads threads: [String]) throws -> [GroupingMember] {
    try threads.flatMap { try Row.fetchAll(threadMembers, arguments: [$0]).map(Self.member) }
  }

  func edges(to id: Int64) throws -> [ScoredPair] {
    try Row.fetchAll(edgesTo, arguments: [id]).map {
      ScoredPair(
        a: $0[0], b: id, score: $0[1], conflict: $0[2], novelty: $0[3], newFacts: $0[4], cosine: $0[5],
        rareNames: $0[6], leadRareNames: $0[7], titleDice: $0[8], leadWords: $0[9])
    }
  }

  func members(_ ids: [Int64]) throws -> [GroupingMember] {
    try ids.compactMap { id in try Row.fetchOne(member, arguments: [id]).map(Self.member) }
  }

  /// A member from a row of `id, key, title, source, published, story, copyOf, thread`.
  static func member(_ row: Row) -> GroupingMember {
    GroupingMember(
      id: row[0], key: row[1], title: row[2], source: row[3], published: row[4], story: row[5], copyOf: row[6],
      thread: row[7])
  }

  mutating func updateTerms(_ updates: [TermUpdate]) throws {
    for u in updates {
      try upsertTerm.execute(arguments: [
        Int64(bitPattern: u.term), u.documentFrequency, u.postings.map(Self.encodeIDs),
      ])
    }
  }

  mutating func addEdges(_ edges: [ScoredPair]) throws {
    // In the table's order (newer article first): each page is written once. Every value is
    // a number, bound straight to the statement (a pass stores hundreds of thousands of pairs;
    // building GRDB's argument array for each cost as much as the insert).
    let statement = insertEdge.sqliteStatement
    for e in edges.sorted(by: { ($0.b, $0.a) < ($1.b, $1.a) }) {
      sqlite3_reset(statement)
      sqlite3_bind_int64(statement, 1, e.a)
      sqlite3_bind_int64(statement, 2, e.b)
      sqlite3_bind_double(statement, 3, e.score)
      sqlite3_bind_int64(statement, 4, e.conflict ? 1 : 0)
      sqlite3_bind_double(statement, 5, e.novelty)
      sqlite3_bind_int64(statement, 6, Int64(e.newFacts))
      sqlite3_bind_double(statement, 7, e.cosine)
      sqlite3_bind_int64(statement, 8, Int64(e.rareNames))
      sqlite3_bind_int64(statement, 9, Int64(e.leadRareNames))
      sqlite3_bind_double(statement, 10, e.titleDice)
      sqlite3_bind_double(statement, 11, e.leadWords)
      let code = sqlite3_step(statement)
      guard code == SQLITE_DONE else {
        let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(statement)))
        sqlite3_reset(statement)
        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: insertEdge.sql)
      }
    }
    sqlite3_reset(statement)
    sqlite3_clear_bindings(statement)
  }

  mutating func writeStories(_ stories: [StoryRecord], grown: [StoryGrowth], replacing replaced: Set<String>) throws {
    // Threads whose newest report may change: those of every story written, grown or gone.
    var threads = Set(stories.map(\.thread))
    for id in replaced.sorted() + grown.map(\.id) {
      if let thread = try String.fetchOne(threadOfStory, arguments: [id]) { threads.insert(thread) }
    }
    for id in replaced.sorted() {
      try deleteStory.execute(arguments: [id])
      try deleteStoryFeeds.execute(arguments: [id])
    }
    for story in stories {
      for member in story.members { try setStory.execute(arguments: [story.id, member, story.id]) }
      try insertStory.execute(arguments: [
        story.id, story.title, story.members.count, story.latest, StorySources.encode(story.sources),
        story.members.first, story.thread,
      ])
    }
    try Store.refreshDerived(db, stories: stories.map(\.id))
    // A story that only grew gains its new members and their feeds.
    for growth in grown {
      for member in growth.joined {
        try setStory.execute(arguments: [growth.id, member, growth.id])
        try linkFeeds.execute(arguments: [growth.id, member])
      }
      try growStory.execute(arguments: [growth.size, growth.latest, StorySources.encode(growth.sources), growth.id])
    }
    try Store.refreshUnread(db, stories: grown.map(\.id))
    try markThreadHeads.execute(arguments: [Store.jsonArray(threads.sorted())])
  }

  func tallies(ofStories stories: [String]) throws -> [String: StoryTally] {
    var out = [String: StoryTally]()
    for story in stories {
      guard let row = try Row.fetchOne(tally, arguments: [story]) else { continue }
      out[story] = StoryTally(
        anchor: Self.member(row), size: row[8], latest: row[9], sources: StorySources.decode(row[10]))
    }
    return out
  }

  static func encodeIDs(_ ids: [Int64]) -> Data {
    var out = [UInt8]()
    out.reserveCapacity(ids.count * 8)
    for id in ids { withUnsafeBytes(of: id.littleEndian) { out.append(contentsOf: $0) } }
    return Data(out)
  }

  static func decodeIDs(_ data: Data) -> [Int64] {
    data.withUnsafeBytes { raw in
      (0..<(raw.count / 8)).map { Int64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: Int64.self)) }
    }
  }
}
