import Foundation
import GRDB
import ParallaxCore
import Synchronization

/// The offline store: SQLite through GRDB, in WAL mode so the interface can read while an
/// import writes. Migrations run on open.
public final class Store: Sendable {
  let pool: DatabasePool
  /// Writes under way in this process.
  let writes = WriteGauge()

  /// Counts writes under way, from any thread.
  final class WriteGauge: Sendable {
    private let count = Atomic(0)
    func begin() { count.add(1, ordering: .relaxed) }
    func end() { count.subtract(1, ordering: .relaxed) }
    var active: Bool { count.load(ordering: .relaxed) > 0 }
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
    // Grouping reads many signature blobs and edges: a 16 MB page cache per connection
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

  /// Whether SQLite finds the file sound (`PRAGMA integrity_check`).
  public func integrityCheck() throws -> String {
    try reading { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
  }
}
