import Foundation
import GRDB
import ParallaxCore

/// Moves a newsboat user over: the `urls` file (feeds with tags, `~` titles and `!` hiding;
/// `query:` lines as saved filters), `cache.db` (every article kept, with read state and
/// flags, read-only), newsboat's read-article export (`newsboat -E FILE`), and the `config`
/// settings that mean something here. Articles go through the one ``Importer``, so they are
/// stored, deduplicated against what sync fetches (same link, else same GUID) and grouped
/// like any others. Importing twice adds nothing.
public struct NewsboatImporter {
  /// newsboat's files: any may be missing.
  public struct Sources: Sendable, Equatable {
    public var urls: String?
    public var cache: String?
    public var config: String?
    /// A read-article export (`newsboat -E FILE`): one GUID per line.
    public var readList: String?

    public init(urls: String? = nil, cache: String? = nil, config: String? = nil, readList: String? = nil) {
      self.urls = urls
      self.cache = cache
      self.config = config
      self.readList = readList
    }

    public var isEmpty: Bool { urls == nil && cache == nil && config == nil && readList == nil }
  }

  /// What the import did, for the summary.
  public struct Summary: Sendable, Equatable {
    public var feeds = 0
    public var feedsNew = 0
    public var articlesAdded = 0
    public var articlesAlreadyStored = 0
    /// Articles imported read (newsboat's state), and now stored read in all.
    public var read = 0
    public var unread = 0
    public var starred = 0
    public var filters: [String] = []
    /// `FILE:LINE: text: reason`, one per line not taken.
    public var skipped: [String] = []
    /// Config settings carried over and not, one line each.
    public var config: [String] = []
    /// The settings carried over, as config.toml text (empty when none).
    public var configTOML = ""
  }

  let store: Store

  public init(store: Store) { self.store = store }

  /// newsboat's files at `path`: a folder holding `urls`, `cache.db`, `config` (newsboat's
  /// own layout; with `~/.config/newsboat` the cache is in `~/.local/share/newsboat`), or
  /// one of those files by name. Nil when `path` is none of these.
  public static func sources(at path: String, environment: [String: String] = ProcessInfo.processInfo.environment)
    -> Sources?
  {
    let manager = FileManager.default
    var isFolder: ObjCBool = false
    guard manager.fileExists(atPath: path, isDirectory: &isFolder) else { return nil }
    let name = (path as NSString).lastPathComponent
    if !isFolder.boolValue {
      switch name {
      case "cache.db": return Sources(cache: path)
      default: return nil
      }
    }
    func file(_ folder: String, _ name: String) -> String? {
      let candidate = (folder as NSString).appendingPathComponent(name)
      return manager.fileExists(atPath: candidate) ? candidate : nil
    }
    var sources = Sources(urls: file(path, "urls"), cache: file(path, "cache.db"), config: file(path, "config"))
    if sources.cache == nil, (path as NSString).standardizingPath.hasSuffix(".config/newsboat") {
      let home = ((path as NSString).standardizingPath as NSString).deletingLastPathComponent
      let data =
        environment["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
        ?? ((home as NSString).deletingLastPathComponent as NSString).appendingPathComponent(".local/share")
      sources.cache = file((data as NSString).appendingPathComponent("newsboat"), "cache.db")
    }
    return sources.urls == nil && sources.cache == nil ? nil : sources
  }

  /// Splits import paths into newsboat's (folders and files, in order) and the rest: the
  /// one rule `parallax import` and `parallax PATH...` share.
  public static func partition(_ paths: [String]) -> (newsboat: [Sources], others: [String]) {
    var newsboat: [Sources] = []
    var others: [String] = []
    for path in paths {
      if (path as NSString).lastPathComponent == "urls" {
        newsboat.append(Sources(urls: path))
      } else if let sources = sources(at: path) {
        newsboat.append(sources)
      } else {
        others.append(path)
      }
    }
    return (newsboat, others)
  }

  /// Imports `sources`.
  public func run(_ sources: Sources) throws -> Summary {
    var summary = Summary()
    let importer = Importer(store: store)
    if let path = sources.urls { try importURLs(path, into: &summary) }
    var readIDs: [Int64] = []
    var starredIDs: [Int64] = []
    if let path = sources.cache {
      try importCache(path, importer: importer, summary: &summary, read: &readIDs, starred: &starredIDs)
    }
    let result = try importer.finish()
    summary.articlesAdded = result.added
    summary.articlesAlreadyStored = result.alreadyStored
    if let path = sources.readList {
      let text = try Self.text(path)
      let guids = text.split(whereSeparator: \.isNewline).map { String($0).trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }
      readIDs += try store.rowIDs(matchingIDsOrLinks: guids)
    }
    let changed = try store.applyReadState(read: readIDs, starred: starredIDs)
    summary.read = Set(readIDs).count
    _ = changed
    summary.starred = Set(starredIDs).count
    if let path = sources.config {
      let config = NewsboatConfig(parsing: try Self.text(path))
      summary.config = config.report(path)
      summary.configTOML = config.toml
    }
    return summary
  }

  /// The `urls` file: subscriptions with their details, queries as saved filters.
  func importURLs(_ path: String, into summary: inout Summary) throws {
    let list = NewsboatURLs(parsing: try Self.text(path))
    let before = Set(try store.allFeeds().map(\.url))
    for feed in list.feeds {
      try store.setFeedDetails(feed.url, title: feed.title, tags: feed.tags, hidden: feed.hidden)
      summary.feeds += 1
      if !before.contains(feed.url) { summary.feedsNew += 1 }
    }
    for query in list.queries {
      switch NewsboatQuery.translate(query.expression) {
      case .success(let text):
        try store.saveFilter(
          Store.SavedFilter(
            name: query.name, query: text, origin: "newsboat \(path):\(query.line): \(query.expression)"))
        summary.filters.append("\(query.name): \(text)")
      case .failure(let error):
        summary.skipped.append("\(path):\(query.line): query:\(query.name):\(query.expression): \(error)")
      }
    }
    for skipped in list.skipped {
      summary.skipped.append("\(path):\(skipped.line): \(skipped.text): \(skipped.reason)")
    }
  }

  /// `cache.db`, opened read-only: every item not deleted, a feed at a time.
  func importCache(
    _ path: String, importer: Importer, summary: inout Summary, read: inout [Int64], starred: inout [Int64]
  ) throws {
    var configuration = Configuration()
    configuration.readonly = true
    do {
      let cache = try DatabaseQueue(path: path, configuration: configuration)
      let (titles, feeds) = try cache.read { db -> ([String: String], [String]) in
        guard try db.tableExists("rss_item"), try db.tableExists("rss_feed") else {
          throw ImportError(description: "\(path) is not a newsboat cache (no rss_item table)")
        }
        let titles = Dictionary(
          try Row.fetchAll(db, sql: "SELECT rssurl, title FROM rss_feed").compactMap { row -> (String, String)? in
            guard let url = row[0] as String?, let title = row[1] as String? else { return nil }
            return (url, title)
          },
          uniquingKeysWith: { a, _ in a })
        let feeds = try String.fetchAll(
          db, sql: "SELECT DISTINCT COALESCE(feedurl, '') FROM rss_item WHERE deleted = 0 ORDER BY 1")
        return (titles, feeds)
      }
      // A feed's items a batch at a time: years of a cache never sit in memory at once.
      for feedURL in feeds {
        let title = titles[feedURL].flatMap { $0.isEmpty ? nil : $0 }
        var lastID: Int64 = -1
        while true {
          let batch = try cache.read { db in try Self.items(db, feed: feedURL, after: lastID, limit: 2_000) }
          guard let last = batch.last else { break }
          lastID = last.id
          var articles: [Article] = []
          var kept: [NewsboatItem] = []
          for (_, item) in batch {
            guard let article = item.article(feedTitle: title) else {
              summary.skipped.append("\(path): an item of \(feedURL) holds nothing (guid \(item.guid))")
              continue
            }
            articles.append(article)
            kept.append(item)
          }
          let feed = feedURL.isEmpty ? nil : feedURL
          let result = try importer.add(articles, feed: feed)
          for (item, id) in zip(kept, result.rowIDs) {
            if !item.unread { read.append(id) }
            if item.isFlagged { starred.append(id) }
          }
          summary.unread += kept.filter(\.unread).count
        }
        if !feedURL.isEmpty, let title { try store.setFeedTitleIfNone(feedURL, title: title) }
      }
    } catch let error as DatabaseError {
      throw ImportError(
        description: "\(path): cannot be read as newsboat's cache: \(error.message ?? "\(error.resultCode)")")
    }
  }

  /// Up to `limit` items of a feed not deleted, after row `after`, with their row ids.
  static func items(_ db: Database, feed: String, after: Int64, limit: Int) throws -> [(id: Int64, item: NewsboatItem)]
  {
    try Row.fetchAll(
      db,
      sql: """
        SELECT id, guid, title, author, url, feedurl, pubDate, content, unread, enclosure_url, enclosure_type, flags
        FROM rss_item WHERE deleted = 0 AND COALESCE(feedurl, '') = ? AND id > ? ORDER BY id LIMIT ?
        """, arguments: [feed, after, limit]
    ).map { row in
      (
        row[0],
        NewsboatItem(
          guid: row[1] ?? "", title: row[2] ?? "", author: row[3] ?? "", url: row[4] ?? "", feedURL: row[5] ?? "",
          published: row[6] ?? 0, content: row[7] ?? "", unread: (row[8] as Int? ?? 1) != 0, enclosureURL: row[9],
          enclosureType: row[10], flags: row[11] ?? "")
      )
    }
  }

  /// A text file as UTF-8, bytes that are not replaced (a stray Latin-1 byte in `urls` loses
  /// one character, not the file).
  static func text(_ path: String) throws -> String {
    String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
  }

  /// A newsboat file that cannot be read as such.
  public struct ImportError: Error, CustomStringConvertible {
    public var description: String
  }
}
