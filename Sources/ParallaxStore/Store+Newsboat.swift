import Foundation
import GRDB

/// What the newsboat migration writes besides articles: a feed's title, tags and hiding,
/// saved filters, and read and starred state.
extension Store {
  /// Sets what a `urls` line says of a feed (subscribing it when new). A title is kept over
  /// the one a sync reads (`COALESCE` in ``recordFetch``); nil leaves the title as it is.
  public func setFeedDetails(_ url: String, title: String?, tags: [String], hidden: Bool) throws {
    try writing { db in
      if try Feed.filter(Column("url") == url).fetchCount(db) == 0 {
        var feed = Feed(url: url)
        try feed.insert(db)
      }
      try db.execute(
        sql: """
          UPDATE feed SET title = COALESCE(?, title), customTitle = customTitle OR ? IS NOT NULL, tags = ?, hidden = ?
          WHERE url = ?
          """,
        arguments: [title, title, StoredArticle.json(tags), hidden, url])
    }
  }

  /// Sets a feed's tags (a reader server's groups or category), leaving the rest as it is.
  public func setFeedTags(_ url: String, tags: [String]) throws {
    try writing { db in
      try db.execute(sql: "UPDATE feed SET tags = ? WHERE url = ?", arguments: [StoredArticle.json(tags), url])
    }
  }

  /// Sets a feed's title where it has none yet.
  public func setFeedTitleIfNone(_ url: String, title: String) throws {
    try writing { db in
      try db.execute(sql: "UPDATE feed SET title = ? WHERE url = ? AND title IS NULL", arguments: [title, url])
    }
  }

  /// A saved filter (newsboat's query feeds): its name, the filter text, where it came from.
  public struct SavedFilter: Sendable, Equatable, Codable {
    public var name: String
    public var query: String
    public var origin: String?

    public init(name: String, query: String, origin: String?) {
      (self.name, self.query, self.origin) = (name, query, origin)
    }
  }

  /// Saves (or replaces) a filter by name.
  public func saveFilter(_ filter: SavedFilter) throws {
    try writing { db in
      try db.execute(
        sql: "INSERT OR REPLACE INTO savedFilter (name, query, origin) VALUES (?, ?, ?)",
        arguments: [filter.name, filter.query, filter.origin])
    }
  }

  /// Every saved filter, by name.
  public func savedFilters() throws -> [SavedFilter] {
    try reading { db in
      try Row.fetchAll(db, sql: "SELECT name, query, origin FROM savedFilter ORDER BY name").map {
        SavedFilter(name: $0[0], query: $0[1], origin: $0[2])
      }
    }
  }

  /// Marks articles read and starred (never unread or unstarred: what the user did since
  /// stays); returns how many changed of each.
  @discardableResult
  public func applyReadState(read: [Int64], starred: [Int64]) throws -> (read: Int, starred: Int) {
    try writing { db in
      let markRead = try db.cachedStatement(
        sql: "UPDATE article SET isRead = 1, newFacts = NULL WHERE id = ? AND isRead = 0")
      let markStarred = try db.cachedStatement(sql: "UPDATE article SET isStarred = 1 WHERE id = ? AND isStarred = 0")
      var counts = (read: 0, starred: 0)
      for id in read {
        try markRead.execute(arguments: [id])
        counts.read += db.changesCount
      }
      for id in starred {
        try markStarred.execute(arguments: [id])
        counts.starred += db.changesCount
      }
      var stories = Set<String>()
      for start in stride(from: 0, to: read.count, by: 500) {
        let chunk = read[start..<min(read.count, start + 500)]
        stories.formUnion(
          try String.fetchAll(
            db,
            sql:
              "SELECT DISTINCT story FROM article WHERE story IS NOT NULL AND id IN (\(chunk.map(String.init).joined(separator: ",")))"
          ))
      }
      try Self.refreshUnread(db, stories: Array(stories))
      return counts
    }
  }

  /// Row ids of stored articles whose input id (a feed item's GUID) or link is in `keys`.
  public func rowIDs(matchingIDsOrLinks keys: [String]) throws -> [Int64] {
    try reading { db in
      var ids: [Int64] = []
      for start in stride(from: 0, to: keys.count, by: 400) {
        let chunk = Array(keys[start..<min(keys.count, start + 400)])
        let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
        ids += try Int64.fetchAll(
          db, sql: "SELECT id FROM article WHERE inputID IN (\(marks)) OR url IN (\(marks))",
          arguments: StatementArguments(chunk + chunk))
      }
      return ids
    }
  }
}
