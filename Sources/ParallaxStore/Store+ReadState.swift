import Foundation
import GRDB
import ParallaxCore

/// Read state that fits stories: opening any version reads the story; a version arriving
/// later brings the story back only when it adds facts the read versions lack
/// (``NewFacts``); starring.
extension Store {
  /// Marks an article read or unread.
  public func setRead(_ rowID: Int64, _ read: Bool) throws {
    try writing { db in
      try db.execute(sql: "UPDATE article SET isRead = ? WHERE id = ?", arguments: [read, rowID])
      try Self.refreshUnread(db, ofArticle: rowID)
    }
  }

  /// Marks read the story holding an article: every version it has now.
  public func markStoryRead(containing rowID: Int64) throws {
    try writing { db in
      try db.execute(
        sql: """
          UPDATE article SET isRead = 1, newFacts = NULL
          WHERE (id = ? OR story = (SELECT story FROM article WHERE id = ?)) AND isRead = 0
          """, arguments: [rowID, rowID])
      try Self.refreshUnread(db, ofArticle: rowID)
    }
  }

  /// Marks every version of a story read or unread.
  public func setStoryRead(_ storyID: String, _ read: Bool) throws {
    try writing { db in
      try db.execute(
        sql: "UPDATE article SET isRead = ?, newFacts = NULL WHERE story = ? AND isRead = ?",
        arguments: [read, storyID, !read])
      try Self.refreshUnread(db, stories: [storyID])
    }
  }

  /// How many unread versions the stories `view` shows hold (what ``markAllRead(view:)``
  /// would change, read without writing).
  public func unreadVersionCount(view: StoryView = .all) throws -> Int {
    let (condition, arguments) = view.condition
    return try reading { db in
      let stories =
        view.threads
        ? "SELECT id FROM story WHERE thread IN (SELECT story.thread FROM story WHERE \(condition))"
        : "SELECT id FROM story WHERE \(condition)"
      return try Int.fetchOne(
        db, sql: "SELECT COUNT(*) FROM article WHERE isRead = 0 AND story IN (\(stories))", arguments: arguments) ?? 0
    }
  }

  /// Marks read every story `view` shows; returns how many versions changed.
  @discardableResult
  public func markAllRead(view: StoryView = .all) throws -> Int {
    let (condition, arguments) = view.condition
    return try writing { db in
      let changed: Int
      if view.isAll {
        try db.execute(sql: "UPDATE article SET isRead = 1, newFacts = NULL WHERE isRead = 0")
        changed = db.changesCount
        try db.execute(
          sql: "UPDATE story SET unread = 0 WHERE unread != 0; UPDATE storyFeed SET unread = 0 WHERE unread")
      } else {
        // The stories first: marking them read changes what an unread-only view holds.
        // With threads listed, every report of each thread shown.
        let sql =
          view.threads
          ? "SELECT id FROM story WHERE thread IN (SELECT story.thread FROM story WHERE \(condition))"
          : "SELECT id FROM story WHERE \(condition)"
        let stories = try String.fetchAll(db, sql: sql, arguments: arguments)
        let update = try db.cachedStatement(
          sql: "UPDATE article SET isRead = 1, newFacts = NULL WHERE story = ? AND isRead = 0")
        var count = 0
        for story in stories {
          try update.execute(arguments: [story])
          count += db.changesCount
        }
        changed = count
        try Self.refreshUnread(db, stories: stories)
      }
      return changed
    }
  }

  /// Stars or unstars an article.
  public func setStarred(_ rowID: Int64, _ starred: Bool) throws {
    try writing { db in
      try db.execute(sql: "UPDATE article SET isStarred = ? WHERE id = ?", arguments: [starred, rowID])
    }
  }

  /// Facts a version added over the versions read before it arrived (nil when it arrived
  /// before anything of its story was read).
  public func newFacts(of rowID: Int64) throws -> Int? {
    try reading { db in try Int.fetchOne(db, sql: "SELECT newFacts FROM article WHERE id = ?", arguments: [rowID]) }
  }

  /// Settles the read state of articles that just joined stories: an unread arrival in a
  /// story with read versions is compared with them (``NewFacts``); one that adds nothing
  /// (an identical, trimmed or reworded copy) is marked read and never resurfaces the story;
  /// one that adds facts stays unread and records how many. Returns (read, resurfacing).
  /// The query for which of `count` arrivals (ids bound in order) are unread in a story
  /// with a read version. The arrivals are found by their ids: the `+` keeps SQLite from
  /// walking every unread article of the index on read state and story instead, once per
  /// chunk (1.4 s of a 100,000-article import, growing with the store).
  static func arrivalsWithReadVersions(_ count: Int) -> String {
    let marks = Array(repeating: "?", count: count).joined(separator: ",")
    return """
      SELECT a.id, a.story FROM article a WHERE a.id IN (\(marks)) AND +a.isRead = 0 AND +a.story IS NOT NULL
        AND EXISTS (SELECT 1 FROM article r WHERE r.story = a.story AND r.isRead = 1)
      """
  }

  @discardableResult
  static func settleArrivals(_ db: Database, _ ids: [Int64]) throws -> (silenced: Int, resurfacing: Int) {
    var byStory: [String: [Int64]] = [:]
    for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min(ids.count, $0 + 500)]) }) {
      for row in try Row.fetchAll(db, sql: arrivalsWithReadVersions(chunk.count), arguments: StatementArguments(chunk))
      {
        byStory[row[1] as String, default: []].append(row[0])
      }
    }
    var silenced = 0
    var resurfacing = 0
    let read = try db.makeStatement(sql: "UPDATE article SET isRead = 1, newFacts = NULL WHERE id = ?")
    let news = try db.makeStatement(sql: "UPDATE article SET newFacts = ? WHERE id = ?")
    for (story, arrivals) in byStory {
      let readVersions = try StoredArticle.fetchAll(
        db, sql: "SELECT * FROM article WHERE story = ? AND isRead = 1 ORDER BY id LIMIT 50", arguments: [story]
      ).map(\.article)
      for id in arrivals {
        guard let arrival = try StoredArticle.fetchOne(db, key: id)?.article else { continue }
        let count = NewFacts.count(NewFacts.added(by: arrival, over: readVersions))
        if count == 0 {
          try read.execute(arguments: [id])
          silenced += 1
        } else {
          try news.execute(arguments: [count, id])
          resurfacing += 1
        }
      }
    }
    try refreshUnread(db, stories: Array(byStory.keys))
    return (silenced, resurfacing)
  }
}

/// The derived columns kept in step with read state and grouping: `story.unread` (unread
/// versions) and `storyFeed` (which feeds carry a story).
extension Store {
  /// Recounts the unread versions and feeds of `stories` (every story when nil).
  static func refreshDerived(_ db: Database, stories: [String]?) throws {
    guard let stories else {
      try db.execute(
        sql: """
          UPDATE story SET unread = (SELECT COUNT(*) FROM article WHERE article.story = story.id AND article.isRead = 0);
          DELETE FROM storyFeed;
          INSERT OR IGNORE INTO storyFeed (storyID, feedID, unread)
            SELECT article.story, articleFeed.feedID, story.unread > 0
            FROM articleFeed JOIN article ON article.id = articleFeed.articleID JOIN story ON story.id = article.story;
          """)
      return
    }
    let feeds = try db.cachedStatement(
      sql: """
        INSERT OR IGNORE INTO storyFeed (storyID, feedID)
          SELECT ?1, articleFeed.feedID FROM article JOIN articleFeed ON articleFeed.articleID = article.id
          WHERE article.story = ?1
        """)
    for story in stories { try feeds.execute(arguments: [story]) }
    try refreshUnread(db, stories: stories)
  }

  /// Recounts the unread versions of the stories in `stories`.
  /// All stories in two statements (their ids as one JSON array), not two per story.
  static func refreshUnread(_ db: Database, stories: [String]) throws {
    guard !stories.isEmpty else { return }
    let unread = try db.cachedStatement(
      sql: """
        UPDATE story SET unread = (SELECT COUNT(*) FROM article WHERE article.story = story.id AND isRead = 0)
        WHERE id IN (SELECT value FROM json_each(?))
        """)
    let feeds = try db.cachedStatement(
      sql: """
        UPDATE storyFeed SET unread = (SELECT unread > 0 FROM story WHERE id = storyFeed.storyID)
        WHERE storyID IN (SELECT value FROM json_each(?))
          AND unread != (SELECT unread > 0 FROM story WHERE id = storyFeed.storyID)
        """)
    let ids = jsonArray(stories)
    try unread.execute(arguments: [ids])
    try feeds.execute(arguments: [ids])
  }

  /// Recounts the unread versions of the story holding an article.
  static func refreshUnread(_ db: Database, ofArticle rowID: Int64) throws {
    if let story = try String.fetchOne(db, sql: "SELECT story FROM article WHERE id = ?", arguments: [rowID]) {
      try refreshUnread(db, stories: [story])
    }
  }

  /// Stories whose derived counts disagree with their articles (for tests and checks):
  /// their ids, empty when all agree.
  public func storiesWithStaleCounts() throws -> [String] {
    try reading { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT id FROM story WHERE unread != (SELECT COUNT(*) FROM article WHERE article.story = story.id AND article.isRead = 0)
          UNION
          SELECT article.story FROM articleFeed JOIN article ON article.id = articleFeed.articleID
            WHERE article.story IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM storyFeed WHERE storyID = article.story AND feedID = articleFeed.feedID)
          UNION
          SELECT storyID FROM storyFeed WHERE unread != (SELECT unread > 0 FROM story WHERE id = storyFeed.storyID)
          UNION
          SELECT storyID FROM storyFeed WHERE NOT EXISTS (
            SELECT 1 FROM article JOIN articleFeed ON articleFeed.articleID = article.id
            WHERE article.story = storyFeed.storyID AND articleFeed.feedID = storyFeed.feedID)
          """)
    }
  }
}
