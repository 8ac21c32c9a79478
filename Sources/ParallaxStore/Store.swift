import Foundation
import GRDB
import ParallaxCore

/// The offline store: SQLite through GRDB, in WAL mode so the interface can read while an
/// import writes. Migrations run on open.
public final class Store: Sendable {
  let pool: DatabasePool
  /// Writes under way in this process.
  let writes = WriteGauge()

  /// Counts writes under way, from any thread.
  final class WriteGauge: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func begin() { lock.withLock { count += 1 } }
    func end() { lock.withLock { count -= 1 } }
    var active: Bool { lock.withLock { count > 0 } }
  }

  /// The default location: `$XDG_DATA_HOME/parallax/parallax.sqlite` (default
  /// `$HOME/.local/share/parallax/parallax.sqlite`), unless `PARALLAX_STORE` names a file.
  public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    if let path = environment["PARALLAX_STORE"], !path.isEmpty { return path }
    let base = UserDirectories(environment: environment).dataHome
    return (base as NSString).appendingPathComponent("parallax/parallax.sqlite")
  }

  /// How long a write waits for another program's lock before failing, by default.
  public static let defaultBusySeconds = 10.0

  /// This build's store format: the number of migrations it knows. A store whose
  /// `PRAGMA user_version` or migration list goes beyond it was written by a newer Parallax.
  public static let formatVersion = migrator.migrations.count

  /// The Parallax release recorded in the stores this build writes.
  public static var parallaxVersion: String { ParallaxVersion.current }

  /// How a store is opened; the defaults are right for every command. Tests use the
  /// others to make SQLite itself fail the way a full disk or a read-only file does.
  public struct Options: Sendable {
    /// Seconds a write waits for another program's lock.
    public var busySeconds = Store.defaultBusySeconds
    /// Open read-only (every write fails as on a read-only file).
    public var readOnly = false
    /// A page limit (`PRAGMA max_page_count`): writes past it fail as on a full disk.
    public var maxPageCount: Int? = nil

    public init(busySeconds: Double = Store.defaultBusySeconds, readOnly: Bool = false, maxPageCount: Int? = nil) {
      self.busySeconds = busySeconds
      self.readOnly = readOnly
      self.maxPageCount = maxPageCount
    }
  }

  /// The store file.
  public let path: String
  /// How it was opened.
  public let options: Options

  /// Opens (creating when needed) the store at `path` and migrates it. Every failure is a
  /// ``StoreProblem``; a store written by a newer Parallax is refused before anything is
  /// written to it.
  ///
  /// A store that cannot be written (a read-only file, folder or filesystem) and needs no
  /// migration is opened read-only: reading commands work, and writes fail as
  /// ``StoreProblem/Kind/readOnly``.
  public init(path: String, options: Options = Options()) throws {
    self.path = path
    do {
      let folder = (path as NSString).deletingLastPathComponent
      if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      }
      // Checked read-only first: opening a pool writes to the file (GRDB makes sure a WAL
      // exists), and a store from a newer Parallax is left exactly as it is.
      if FileManager.default.fileExists(atPath: path) {
        var readOnly = Configuration()
        readOnly.readonly = true
        if let queue = try? DatabaseQueue(path: path, configuration: readOnly) {
          try Self.refuseNewerFormat(queue, path: path)
        }
      }
      do {
        pool = try Self.openPool(path, options: options)
        self.options = options
      } catch let error as DatabaseError
        where !options.readOnly && FileManager.default.fileExists(atPath: path)
        && StoreProblem(error, path: path).kind == .readOnly
      {
        var readOnly = options
        readOnly.readOnly = true
        pool = try Self.openPool(path, options: readOnly)
        self.options = readOnly
      }
    } catch {
      throw StoreProblem(error, path: path, busySeconds: options.busySeconds)
    }
  }

  /// A configuration for opening a store's file directly (tools, tests): it registers what
  /// every connection needs, the search index's tokenizer (``SegmentingTokenizer``), without
  /// which deleting or editing an article fails.
  public static func fileConfiguration() -> Configuration {
    var configuration = Configuration()
    configuration.prepareDatabase { db in db.add(tokenizer: SegmentingTokenizer.self) }
    return configuration
  }

  /// Opens the pool, refuses a newer format, and migrates when the store needs it (only
  /// then is anything written on open).
  static func openPool(_ path: String, options: Options) throws -> DatabasePool {
    var configuration = Configuration()
    configuration.busyMode = .timeout(options.busySeconds)
    configuration.readonly = options.readOnly
    let maxPageCount = options.maxPageCount
    // Grouping reads many signature blobs and edges: a 64 MB page cache per connection
    // (allocated as used) spares re-reading them from the file.
    configuration.prepareDatabase { db in
      db.add(tokenizer: SegmentingTokenizer.self)
      try db.execute(sql: "PRAGMA cache_size = -16384")
      if let maxPageCount { try db.execute(sql: "PRAGMA max_page_count = \(maxPageCount)") }
    }
    let pool = try DatabasePool(path: path, configuration: configuration)
    try refuseNewerFormat(pool, path: path)
    let needsMigration = try pool.read { db in
      try !migrator.hasCompletedMigrations(db) || recordedFormat(db) != formatVersion
    }
    if needsMigration {
      if options.readOnly { throw StoreProblem(.readOnly, path: path) }
      try migrator.migrate(pool)
      try pool.write { db in
        try db.execute(sql: "PRAGMA user_version = \(formatVersion)")
        try db.execute(
          sql: "INSERT OR REPLACE INTO parallaxInfo (key, value) VALUES ('version', ?)", arguments: [parallaxVersion])
      }
    }
    return pool
  }

  /// The store format a store says it has (`PRAGMA user_version`; 0 before formats were recorded).
  static func recordedFormat(_ db: Database) throws -> Int { try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }

  /// Throws ``StoreProblem/Kind/newerFormat(storeFormat:writtenBy:)`` when a newer Parallax
  /// wrote the store: it records a higher format, or migrations this build does not know.
  static func refuseNewerFormat(_ reader: some DatabaseReader, path: String) throws {
    let newer: (Int, String?)? = try reader.read { db in
      let format = try recordedFormat(db)
      let superseded = try migrator.hasBeenSuperseded(db)
      guard superseded || format > formatVersion else { return nil }
      let applied =
        try db.tableExists("grdb_migrations")
        ? try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations") ?? 0 : 0
      let writtenBy =
        try db.tableExists("parallaxInfo")
        ? try String.fetchOne(db, sql: "SELECT value FROM parallaxInfo WHERE key = 'version'") : nil
      return (max(format, applied), writtenBy)
    }
    if let (format, writtenBy) = newer {
      throw StoreProblem(.newerFormat(storeFormat: format, writtenBy: writtenBy), path: path)
    }
  }

  static let migrator: DatabaseMigrator = makeMigrator()

  static func makeMigrator() -> DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.create(table: "article") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("key", .text).notNull().unique()
        t.column("inputID", .text).notNull()
        t.column("title", .text).notNull()
        t.column("body", .text).notNull()
        t.column("source", .text)
        t.column("published", .text).indexed()
        t.column("url", .text)
        t.column("attributions", .text).notNull()
        t.column("metadata", .text).notNull()
        t.column("fetchedAt", .text).notNull()
        t.column("isRead", .boolean).notNull().defaults(to: false)
        t.column("isStarred", .boolean).notNull().defaults(to: false)
        t.column("story", .text).indexed()
      }
      try db.create(table: "feed") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("url", .text).notNull().unique()
        t.column("title", .text)
        t.column("etag", .text)
        t.column("lastModified", .text)
        t.column("lastFetched", .text)
        t.column("lastError", .text)
      }
      try db.create(table: "articleFeed") { t in
        t.column("articleID", .integer).notNull().references("article", onDelete: .cascade)
        t.column("feedID", .integer).notNull().references("feed", onDelete: .cascade)
        t.primaryKey(["articleID", "feedID"])
      }
      try db.create(virtualTable: "articleSearch", using: FTS5()) { t in
        t.synchronize(withTable: "article")
        t.tokenizer = .unicode61()
        t.column("title")
        t.column("body")
      }
    }
    migrator.registerMigration("v2-incremental-grouping") { db in
      try db.create(table: "signature") { t in
        t.primaryKey("articleID", .integer).references("article", onDelete: .cascade)
        t.column("data", .blob).notNull()
      }
      try db.create(table: "termStat") { t in
        t.primaryKey("hash", .integer)
        t.column("df", .integer).notNull()
        t.column("postings", .blob)
      }
      try db.create(table: "edge", options: .withoutRowID) { t in
        t.column("a", .integer).notNull()
        t.column("b", .integer).notNull().indexed()
        t.column("score", .double).notNull()
        t.column("conflict", .boolean).notNull()
        t.primaryKey(["a", "b"])
      }
      try db.create(table: "story") { t in
        t.primaryKey("id", .text)
        t.column("title", .text).notNull()
        t.column("size", .integer).notNull()
        t.column("latest", .text)
        t.column("sources", .text).notNull()
      }
      try db.create(index: "story_order", on: "story", expressions: [SQL("latest DESC"), Column("id")])
      // Articles stored by v1 get their signatures now and are grouped by the next import.
      // Read by column, not as a `StoredArticle`: the row type has columns v1 did not (its
      // `details` came with v6), so decoding it here failed on a first-release store.
      for row in try Row.fetchAll(db, sql: "SELECT id, inputID, title, body, source, published, url FROM article") {
        let article = Article(
          id: row["inputID"], title: row["title"], body: row["body"], source: row["source"],
          published: row["published"], url: row["url"])
        let signature = HashedSignature(article: article)
        try db.execute(
          sql: "INSERT INTO signature (articleID, data) VALUES (?, ?)",
          arguments: [row["id"] as Int64, signature.encoded])
      }
      try db.execute(sql: "UPDATE article SET story = NULL")
    }
    migrator.registerMigration("v3-search-index-on-text-only") { db in
      // GRDB's synchronising trigger re-indexes an article's text on any update; story ids and
      // read state change often, so only title and body changes re-index now.
      try db.execute(
        sql: """
          DROP TRIGGER IF EXISTS "__articleSearch_au";
          CREATE TRIGGER "__articleSearch_au" AFTER UPDATE OF "title", "body" ON "article" BEGIN
            INSERT INTO "articleSearch"("articleSearch", "rowid", "title", "body")
              VALUES('delete', old."id", old."title", old."body");
            INSERT INTO "articleSearch"("rowid", "title", "body") VALUES (new."id", new."title", new."body");
          END;
          """)
    }
    migrator.registerMigration("v4-format-and-writer") { db in
      // Which Parallax last wrote the store, so that an older one can name it when it refuses
      // a newer format. The format number itself is PRAGMA user_version.
      try db.create(table: "parallaxInfo") { t in
        t.primaryKey("key", .text)
        t.column("value", .text).notNull()
      }
    }
    migrator.registerMigration("v5-weekday-signatures") { _ in
      // Signatures gained the days of the week an article's lead names (evidence of when it
      // happened). Stored articles were signed again here; v12 signs every article again
      // from its text, so an older store is signed once, there. Stories stay as they are
      // until `parallax regroup`.
    }
    migrator.registerMigration("v6-feed-details") { db in
      // Feeds' authors, categories, enclosures, summaries and update times, as JSON.
      try db.alter(table: "article") { t in t.add(column: "details", .text).notNull().defaults(to: "{}") }
      // Identity now reads http as https and the host in any case (Article.canonicalLink):
      // stored keys are brought to that form; where two stored articles would share one
      // key (both forms stored before), the second keeps its old key.
      let rows = try Row.fetchAll(db, sql: "SELECT id, key FROM article WHERE key NOT LIKE 'id:%'")
      let update = try db.makeStatement(sql: "UPDATE OR IGNORE article SET key = ? WHERE id = ?")
      for row in rows {
        let key: String = row["key"]
        let canonical = Article.canonicalLink(key)
        if canonical != key { try update.execute(arguments: [canonical, row["id"] as Int64]) }
      }
    }
    migrator.registerMigration("v7-story-read-state") { db in
      // Facts a version added over the read versions of its story when it arrived; indexes
      // for unread and starred views and counts.
      try db.alter(table: "article") { t in t.add(column: "newFacts", .integer) }
      try db.create(index: "article_story_read", on: "article", columns: ["story", "isRead"])
      try db.create(index: "article_read_story", on: "article", columns: ["isRead", "story"])
      try db.create(index: "article_starred", on: "article", columns: ["isStarred"])
      try db.create(index: "articleFeed_feed", on: "articleFeed", columns: ["feedID"])
      // Derived, kept by every write of read state and every grouping pass, so that lists,
      // counts and the feeds screen read one row per story instead of every article:
      // a story's unread versions, and which feeds carry each story.
      try db.alter(table: "story") { t in t.add(column: "unread", .integer).notNull().defaults(to: 0) }
      try db.create(table: "storyFeed", options: .withoutRowID) { t in
        t.column("storyID", .text).notNull()
        t.column("feedID", .integer).notNull()
        // Whether the story has an unread version (story.unread > 0), for per-feed counts.
        t.column("unread", .boolean).notNull().defaults(to: false)
        t.primaryKey(["storyID", "feedID"])
      }
      try db.create(index: "storyFeed_feed", on: "storyFeed", columns: ["feedID", "unread"])
      try db.create(index: "story_unread", on: "story", columns: ["unread"])
      // Whether any feed carries an article: the feeds screen lists the others by source,
      // through a partial index that holds only them.
      try db.alter(table: "article") { t in t.add(column: "viaFeed", .boolean).notNull().defaults(to: false) }
      try db.execute(sql: "UPDATE article SET viaFeed = 1 WHERE id IN (SELECT articleID FROM articleFeed)")
      try db.execute(sql: "CREATE INDEX article_feedless ON article(source, story) WHERE viaFeed = 0")
      try Self.refreshDerived(db, stories: nil)
    }
    migrator.registerMigration("v8-newsboat") { db in
      // What newsboat's urls file says of a feed (tags, hidden with !), and saved filters
      // (newsboat's query feeds, and filters saved later).
      try db.alter(table: "feed") { t in
        t.add(column: "tags", .text).notNull().defaults(to: "[]")
        t.add(column: "hidden", .boolean).notNull().defaults(to: false)
        // A title the user chose (newsboat's "~Title"): a sync never replaces it.
        t.add(column: "customTitle", .boolean).notNull().defaults(to: false)
      }
      try db.create(table: "savedFilter") { t in
        t.primaryKey("name", .text)
        t.column("query", .text).notNull()
        t.column("origin", .text)
      }
    }
    migrator.registerMigration("v9-identical-copies") { db in
      // Articles with one signature are grouped as one (GroupingEngine: identical copies):
      // each signature's digest, indexed, finds a new article's original; `copyOf` names it.
      // Stored copies are marked within their stories; their pairs are dropped (their
      // original's stand for them). Term statistics keep counting them until `regroup`.
      try db.alter(table: "signature") { t in t.add(column: "digest", .integer) }
      try db.alter(table: "article") { t in t.add(column: "copyOf", .integer) }
      let update = try db.makeStatement(sql: "UPDATE signature SET digest = ? WHERE articleID = ?")
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT signature.articleID, signature.data, article.story FROM signature
          JOIN article ON article.id = signature.articleID ORDER BY signature.articleID
          """)
      var originals = [String: Int64]()
      var copies: [(Int64, Int64)] = []
      while let row = try rows.next() {
        let id: Int64 = row[0]
        guard let signature = HashedSignature(row[1] as Data) else { continue }
        let digest = signature.digest
        try update.execute(arguments: [Int64(bitPattern: digest), id])
        guard let story = row[2] as String?, !signature.terms.isEmpty else { continue }
        let key = story + "/" + String(digest)
        if let original = originals[key] { copies.append((id, original)) } else { originals[key] = id }
      }
      let mark = try db.makeStatement(sql: "UPDATE article SET copyOf = ? WHERE id = ?")
      for (copy, original) in copies { try mark.execute(arguments: [original, copy]) }
      try db.execute(
        sql: """
          DELETE FROM edge WHERE a IN (SELECT id FROM article WHERE copyOf IS NOT NULL)
            OR b IN (SELECT id FROM article WHERE copyOf IS NOT NULL)
          """)
      try db.create(index: "signature_digest", on: "signature", columns: ["digest"])
      // Each story's first report (a story gaining copies is updated from it and its row),
      // and its sources as a JSON array.
      try db.alter(table: "story") { t in t.add(column: "anchor", .integer) }
      let stories = try Row.fetchCursor(db, sql: "SELECT id, sources FROM story")
      let firstReport = try db.makeStatement(
        sql: "SELECT id FROM article WHERE story = ? ORDER BY published IS NULL, published, key, id LIMIT 1")
      let rewrite = try db.makeStatement(sql: "UPDATE story SET anchor = ?, sources = ? WHERE id = ?")
      var updates: [(Int64?, String, String)] = []
      while let row = try stories.next() {
        let id: String = row[0]
        updates.append(
          (try Int64.fetchOne(firstReport, arguments: [id]), StorySources.encode(StorySources.decode(row[1])), id))
      }
      for (anchor, sources, id) in updates { try rewrite.execute(arguments: [anchor, sources, id]) }
      // New articles' text is indexed for search by the insert itself (Store.add), not by a
      // trigger: FTS5 flushes its pending terms at each trigger's savepoint.
      try db.execute(sql: "DROP TRIGGER IF EXISTS \"__articleSearch_ai\"")
      // The collection's size for term weights counts originals only, read from this index.
      try db.execute(sql: "CREATE INDEX article_original ON article(story) WHERE copyOf IS NULL")
    }
    migrator.registerMigration("v10-two-levels") { db in
      // Two levels: a story is one report in all its versions, and each story belongs to a
      // thread (a developing story). Pairs keep the evidence both levels are decided on;
      // signatures gain the lead's quotations (FactPrint), so stored articles are signed
      // again from their text. Stored stories stay as they are, each its own thread, until
      // `parallax regroup` (their pairs carry no fact evidence: they read as versions).
      try db.alter(table: "edge") { t in
        t.add(column: "novelty", .double).notNull().defaults(to: 0)
        t.add(column: "newFacts", .integer).notNull().defaults(to: 0)
        t.add(column: "cosine", .double).notNull().defaults(to: 0)
        t.add(column: "rareNames", .integer).notNull().defaults(to: 0)
        t.add(column: "leadRareNames", .integer).notNull().defaults(to: 0)
      }
      try db.alter(table: "story") { t in t.add(column: "thread", .text) }
      try db.execute(sql: "UPDATE story SET thread = 't' || substr(id, 2)")
      try db.create(index: "story_thread", on: "story", columns: ["thread"])
      // Whether a story is its thread's newest report (the list's row for the thread when
      // the list shows threads), kept by every grouping pass; read through a partial index
      // in the list's order.
      try db.alter(table: "story") { t in t.add(column: "threadHead", .boolean).notNull().defaults(to: true) }
      try db.execute(sql: "CREATE INDEX story_heads ON story(latest DESC, id) WHERE threadHead")
      // Signatures gained the lead's quotations here; they are signed again once, by v12.
    }
    migrator.registerMigration("v11-title-evidence") { db in
      // Versions of one report share their headline's words: pairs keep the Dice overlap of
      // the two titles' terms (-1, unknown, for pairs stored before: no evidence either way
      // until `parallax regroup`), and signatures gain the title's terms (signed again by v12).
      try db.alter(table: "edge") { t in t.add(column: "titleDice", .double).notNull().defaults(to: -1) }
    }
    migrator.registerMigration("v12-every-script") { db in
      // Words inside Chinese, Japanese, Korean and Thai text: the search index is rebuilt
      // with the `parallax` tokenizer (SegmentingTokenizer), which splits runs of those
      // scripts as grouping does; signatures are signed again for the same reason (and for
      // the language's stop words, endings and names). Each article keeps its language.
      try db.execute(
        sql: """
          DROP TRIGGER IF EXISTS "__articleSearch_ai"; DROP TRIGGER IF EXISTS "__articleSearch_ad";
          DROP TRIGGER IF EXISTS "__articleSearch_au"; DROP TABLE "articleSearch";
          CREATE VIRTUAL TABLE "articleSearch" USING fts5(
            title, body, tokenize='\(SegmentingTokenizer.name)', content='article', content_rowid='id');
          CREATE TRIGGER "__articleSearch_ad" AFTER DELETE ON "article" BEGIN
            INSERT INTO "articleSearch"("articleSearch", "rowid", "title", "body")
              VALUES('delete', old."id", old."title", old."body");
          END;
          CREATE TRIGGER "__articleSearch_au" AFTER UPDATE OF "title", "body" ON "article" BEGIN
            INSERT INTO "articleSearch"("articleSearch", "rowid", "title", "body")
              VALUES('delete', old."id", old."title", old."body");
            INSERT INTO "articleSearch"("rowid", "title", "body") VALUES (new."id", new."title", new."body");
          END;
          INSERT INTO "articleSearch"("articleSearch") VALUES('rebuild');
          """)
      try db.alter(table: "article") { t in t.add(column: "language", .text) }
      try Self.signAgain(db, sql: "SELECT * FROM article")
    }
    return migrator
  }

  /// Signs every article `sql` selects again from its text, on all cores, 2,000 at a time
  /// (memory stays bounded), keeping each signature's digest, and records the language read
  /// where the article has none.
  static func signAgain(_ db: Database, sql: String) throws {
    let leadTokens = GroupingParameters.default.leadTokens
    let update = try db.makeStatement(sql: "UPDATE signature SET data = ?, digest = ? WHERE articleID = ?")
    let language = try db.makeStatement(sql: "UPDATE article SET language = ? WHERE id = ? AND language IS NULL")
    let rows = try StoredArticle.fetchCursor(db, sql: sql)
    var batch: [StoredArticle] = []
    func flush() throws {
      let signatures = StoryGrouper.hashedSignatures(of: batch.map(\.article), leadTokens: leadTokens)
      for (row, signature) in zip(batch, signatures) {
        try update.execute(arguments: [signature.encoded, Int64(bitPattern: signature.digest), row.rowID])
        try language.execute(arguments: [signature.language.rawValue, row.rowID])
      }
      batch.removeAll(keepingCapacity: true)
    }
    while let row = try rows.next() {
      batch.append(row)
      if batch.count == 2_000 { try flush() }
    }
    try flush()
  }

  /// Reads in a snapshot; a failure is a ``StoreProblem`` naming this store.
  func reading<T>(_ body: (Database) throws -> T) throws -> T {
    do { return try pool.read(body) } catch { throw problem(error) }
  }

  /// Writes in one transaction; a failure (full disk, read-only, locked) is a
  /// ``StoreProblem`` naming this store, and the transaction is rolled back.
  func writing<T>(_ body: (Database) throws -> T) throws -> T {
    writes.begin()
    defer { writes.end() }
    do { return try pool.write(body) } catch { throw problem(error) }
  }

  /// Whether this process is writing to the store now (an import, a sync's grouping, a
  /// regroup): a write asked for meanwhile waits for it, so the interface hands its own
  /// writes to a background queue instead of waiting on its thread.
  public var isWriting: Bool { writes.active }

  func problem(_ error: any Error) -> any Error {
    if error is StoreProblem { return error }
    if let error = error as? DatabaseError, error.resultCode == .SQLITE_ERROR || error.resultCode == .SQLITE_CONSTRAINT
    {
      return error  // a query's own error (search syntax), not the store's
    }
    return StoreProblem(error, path: path, busySeconds: options.busySeconds)
  }

  /// What an import did.
  public struct ImportResult: Sendable, Equatable {
    public var added = 0
    public var alreadyStored = 0
    /// Row ids of every article of the batch, new or already stored, in input order.
    public var rowIDs: [Int64] = []

    public init(added: Int = 0, alreadyStored: Int = 0) {
      self.added = added
      self.alreadyStored = alreadyStored
    }
  }

  /// Stores `articles` (those already stored, by link or id, are left as they are and only
  /// gain the feed) with their grouping signatures, in one transaction, then groups the new
  /// ones unless `regroup` is false (callers adding several batches group once at the end).
  /// `signed` gives signatures computed beforehand (``signatures(ofNew:)``, on another
  /// thread while the previous batch was stored); articles it lacks are signed here.
  @discardableResult
  public func add(
    _ articles: [Article], feed feedURL: String? = nil, now: Date = Date(), regroup: Bool = true,
    signed: [String: HashedSignature]? = nil
  ) throws -> ImportResult {
    var result = ImportResult()
    let signatures = try signed ?? self.signatures(ofNew: articles)
    let fetchedAt = ISO8601DateFormatter().string(from: now)
    try writing { db in
      let findKey = try db.cachedStatement(sql: "SELECT id FROM article WHERE key = ?")
      // The search index is written here, not by a trigger: FTS5 flushes its pending terms at
      // every trigger's savepoint, which made indexing three times slower (decisions.md).
      let indexText = try db.cachedStatement(sql: "INSERT INTO articleSearch (rowid, title, body) VALUES (?, ?, ?)")
      let insertSignature = try db.cachedStatement(
        sql: "INSERT INTO signature (articleID, data, digest) VALUES (?, ?, ?)")
      let linkFeed = try db.cachedStatement(sql: "INSERT OR IGNORE INTO articleFeed (articleID, feedID) VALUES (?, ?)")
      let markViaFeed = try db.cachedStatement(sql: "UPDATE article SET viaFeed = 1 WHERE id = ? AND viaFeed = 0")
      let linkStoryFeed = try db.cachedStatement(
        sql:
          """
          INSERT OR IGNORE INTO storyFeed (storyID, feedID, unread)
            SELECT article.story, ?, story.unread > 0 FROM article JOIN story ON story.id = article.story
            WHERE article.id = ?
          """
      )
      var feedID: Int64?
      if let feedURL {
        if let existing = try Feed.filter(Column("url") == feedURL).fetchOne(db) {
          feedID = existing.rowID
        } else {
          var feed = Feed(url: feedURL)
          try feed.insert(db)
          feedID = feed.rowID
        }
      }
      for article in articles {
        var row = StoredArticle(article, fetchedAt: fetchedAt)
        let id: Int64
        let existed: Bool
        if let existing = try Int64.fetchOne(findKey, arguments: [row.key]) {
          id = existing
          existed = true
          result.alreadyStored += 1
        } else {
          let signature =
            signatures[row.key] ?? HashedSignature(article: article)
          row.language = row.language ?? signature.language.rawValue
          try row.insert(db)
          id = row.rowID!
          try indexText.execute(arguments: [id, row.title, row.body])
          existed = false
          result.added += 1
          let blob = signature.encoded
          try insertSignature.execute(arguments: [id, blob, Int64(bitPattern: HashedSignature.digest(of: blob))])
        }
        result.rowIDs.append(id)
        if let feedID {
          try linkFeed.execute(arguments: [id, feedID])
          let linked = db.changesCount > 0
          try markViaFeed.execute(arguments: [id])
          // A stored article newly carried by this feed: its story is the feed's too (new
          // articles join stories when they are grouped).
          if existed && linked { try linkStoryFeed.execute(arguments: [feedID, id]) }
        }
      }
    }
    if result.added > 0 && regroup { try groupPending() }
    return result
  }

  /// Full-text search (FTS5 syntax) over titles and text, best match first. A query the
  /// index cannot read throws ``SearchQueryError``; an empty one matches nothing.
  public func search(_ query: String, limit: Int = 50) throws -> [StoredArticle] {
    guard !query.allSatisfy(\.isWhitespace) else {
      throw SearchQueryError(query: query, explanation: "the query is empty; give words to search for")
    }
    do {
      return try reading { db in
        try StoredArticle.fetchAll(
          db,
          sql: """
            SELECT article.* FROM article
            JOIN articleSearch ON articleSearch.rowid = article.id AND articleSearch MATCH ?
            ORDER BY bm25(articleSearch) LIMIT ?
            """, arguments: [query, limit])
      }
    } catch let error as DatabaseError {
      throw SearchQueryError(query: query, sqliteMessage: error.message ?? "\(error.resultCode)")
    }
  }

  /// Articles newest first, a page at a time.
  public func list(limit: Int = 50, offset: Int = 0) throws -> [StoredArticle] {
    try reading { db in
      try StoredArticle.order(Column("published").desc, Column("id").desc).limit(limit, offset: offset).fetchAll(db)
    }
  }

  /// Calls `body` with every stored article in insertion order, reading one row at a time.
  public func forEachArticle(_ body: (StoredArticle) throws -> Void) throws {
    try reading { db in
      let cursor = try StoredArticle.order(Column("id")).fetchCursor(db)
      while let row = try cursor.next() { try body(row) }
    }
  }

  /// Every stored article, in insertion order.
  public func allArticles() throws -> [StoredArticle] {
    try reading { db in try StoredArticle.order(Column("id")).fetchAll(db) }
  }

  /// Counts for `parallax stats`.
  public struct Stats: Codable, Sendable, Equatable {
    public var articles: Int
    public var stories: Int
    public var feeds: Int
    public var unread: Int
    /// Stories with an unread version.
    public var unreadStories: Int
    /// Starred articles.
    public var starred: Int

    enum CodingKeys: String, CodingKey {
      case articles, stories, feeds, unread, starred
      case unreadStories = "unread_stories"
    }

    public init(articles: Int, stories: Int, feeds: Int, unread: Int, unreadStories: Int = 0, starred: Int = 0) {
      (self.articles, self.stories, self.feeds, self.unread) = (articles, stories, feeds, unread)
      (self.unreadStories, self.starred) = (unreadStories, starred)
    }
  }

  public func stats() throws -> Stats {
    try reading { db in
      Stats(
        articles: try StoredArticle.fetchCount(db),
        stories: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM story") ?? 0,
        feeds: try Feed.fetchCount(db),
        unread: try StoredArticle.filter(Column("isRead") == false).fetchCount(db),
        unreadStories: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM story WHERE unread > 0") ?? 0,
        starred: try StoredArticle.filter(Column("isStarred") == true).fetchCount(db))
    }
  }

  /// Marks an article read or unread.
  public func setRead(_ rowID: Int64, _ read: Bool) throws {
    try writing { db in
      try db.execute(sql: "UPDATE article SET isRead = ? WHERE id = ?", arguments: [read, rowID])
      try Self.refreshUnread(db, ofArticle: rowID)
    }
  }

  /// Feeds carrying an article.
  public func feeds(of rowID: Int64) throws -> [Feed] {
    try reading { db in
      try Feed.fetchAll(
        db,
        sql: "SELECT feed.* FROM feed JOIN articleFeed ON articleFeed.feedID = feed.id WHERE articleFeed.articleID = ?",
        arguments: [rowID])
    }
  }

  /// Adds subscriptions (feed addresses); returns how many were new.
  @discardableResult
  public func subscribe(_ urls: [String]) throws -> Int {
    try writing { db in
      var added = 0
      for url in urls where try Feed.filter(Column("url") == url).fetchCount(db) == 0 {
        var feed = Feed(url: url)
        try feed.insert(db)
        added += 1
      }
      return added
    }
  }

  /// Records a fetch of a feed: its cache validators, title, and error (nil on success).
  public func recordFetch(
    _ url: String, etag: String?, lastModified: String?, title: String?, error: String?, now: Date = Date()
  ) throws {
    try writing { db in
      try db.execute(
        sql: """
          UPDATE feed SET etag = ?, lastModified = ?, title = CASE WHEN customTitle THEN title ELSE COALESCE(?, title) END,
            lastFetched = ?, lastError = ?
          WHERE url = ?
          """,
        arguments: [etag, lastModified, title, ISO8601DateFormatter().string(from: now), error, url])
    }
  }

  /// Which of `articles` are already stored (by link, else input id), as their keys.
  /// The grouping signatures of those of `articles` not stored yet (by key), computed on
  /// all cores.
  public func signatures(ofNew articles: [Article]) throws -> [String: HashedSignature] {
    let stored = try storedKeys(articles)
    let toSign = articles.filter { !stored.contains(StoredArticle.key(of: $0)) }
    let leadTokens = GroupingParameters.default.leadTokens
    var signatures = [String: HashedSignature](minimumCapacity: toSign.count)
    for (article, signature) in zip(toSign, StoryGrouper.hashedSignatures(of: toSign, leadTokens: leadTokens)) {
      signatures[StoredArticle.key(of: article)] = signature
    }
    return signatures
  }

  public func storedKeys(_ articles: [Article]) throws -> Set<String> {
    let keys = articles.map { StoredArticle.key(of: $0) }
    return try reading { db in
      let find = try db.cachedStatement(sql: "SELECT 1 FROM article WHERE key = ?")
      var found = Set<String>()
      for key in keys where try Int.fetchOne(find, arguments: [key]) != nil { found.insert(key) }
      return found
    }
  }

  /// How many stored articles each feed carries, by feed URL.
  public func articleCountsByFeed() throws -> [String: Int] {
    try reading { db in
      let rows = try Row.fetchAll(
        db,
        sql: "SELECT feed.url AS url, COUNT(articleFeed.articleID) AS n FROM feed "
          + "LEFT JOIN articleFeed ON articleFeed.feedID = feed.id GROUP BY feed.id")
      return Dictionary(uniqueKeysWithValues: rows.map { ($0["url"] as String, $0["n"] as Int) })
    }
  }

  /// All subscriptions.
  public func allFeeds() throws -> [Feed] { try reading { db in try Feed.order(Column("url")).fetchAll(db) } }

  /// Whether SQLite finds the file sound (`PRAGMA integrity_check`).
  public func integrityCheck() throws -> String {
    try reading { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
  }
}
