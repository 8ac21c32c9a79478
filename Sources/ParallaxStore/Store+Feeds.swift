import Foundation
import GRDB
import ParallaxCore

/// The feeds screen's rows: every feed (subscriptions and feed files) with its stories and
/// unread stories, and, for articles no feed carries (plain text, JSON Lines, pages), one row
/// per source.
extension Store {
  /// One row of the feeds screen.
  public struct FeedSummary: Sendable, Equatable {
    /// The feed's row id; nil for a source row (articles no feed carries).
    public var feedID: Int64?
    /// The feed's address; for a source row, nil.
    public var url: String?
    /// The feed's title, or the source's name (nil for articles without one).
    public var title: String?
    public var stories: Int
    public var unreadStories: Int
    public var lastFetched: String?
    public var lastError: String?
    /// Hidden from the feed list (newsboat's `!`): its stories still show everywhere else.
    public var hidden = false
  }

  /// Every feed, then every source of articles no feed carries, by title.
  public func feedSummaries() throws -> [FeedSummary] {
    try reading { db in
      let feeds = try Row.fetchAll(
        db,
        sql: """
          SELECT feed.id, feed.url, feed.title, feed.lastFetched, feed.lastError, feed.hidden,
            COUNT(storyFeed.storyID), COALESCE(SUM(storyFeed.unread), 0)
          FROM feed LEFT JOIN storyFeed ON storyFeed.feedID = feed.id
          GROUP BY feed.id
          """
      ).map { row in
        FeedSummary(
          feedID: row[0], url: row[1], title: row[2], stories: row[6], unreadStories: row[7], lastFetched: row[3],
          lastError: row[4], hidden: row[5])
      }
      let sources = try Row.fetchAll(
        db,
        sql: """
          SELECT article.source, COUNT(DISTINCT article.story),
            COUNT(DISTINCT CASE WHEN article.isRead = 0 THEN article.story END)
          FROM article INDEXED BY article_feedless
          WHERE article.viaFeed = 0
          GROUP BY article.source
          """
      ).map { row in
        FeedSummary(feedID: nil, url: nil, title: row[0], stories: row[1], unreadStories: row[2])
      }
      func key(_ f: FeedSummary) -> String { (f.title ?? f.url ?? "").lowercased() }
      return feeds.sorted { key($0) < key($1) } + sources.sorted { key($0) < key($1) }
    }
  }
}

/// Subscriptions: adding them, recording each fetch, what each carries.
extension Store {
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
        arguments: [etag, lastModified, title, PublicationTime.string(from: now), error, url])
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
}
