import Foundation
import GRDB
import ParallaxCore

/// Read state that fits stories: opening any version reads the story; a version arriving
/// later brings the story back only when it adds facts the read versions lack
/// (``NewFacts``); starring.
extension Store {
  /// Marks read the story holding an article: every version it has now.
  public func markStoryRead(containing rowID: Int64) throws {
    try writing { db in
      try db.execute(
        sql: """
          UPDATE article SET isRead = 1, newFacts = NULL
          WHERE (id = ? OR story = (SELECT story FROM article WHERE id = ?)) AND isRead = 0
          """, arguments: [rowID, rowID])
    }
  }

  /// Marks every version of a story read or unread.
  public func setStoryRead(_ storyID: String, _ read: Bool) throws {
    try writing { db in
      try db.execute(
        sql: "UPDATE article SET isRead = ?, newFacts = NULL WHERE story = ? AND isRead = ?",
        arguments: [read, storyID, !read])
    }
  }

  /// Marks read every story `view` shows; returns how many versions changed.
  @discardableResult
  public func markAllRead(view: StoryView = .all) throws -> Int {
    let (condition, arguments) = view.condition
    return try writing { db in
      if view.isAll {
        try db.execute(sql: "UPDATE article SET isRead = 1, newFacts = NULL WHERE isRead = 0")
      } else {
        try db.execute(
          sql: """
            UPDATE article SET isRead = 1, newFacts = NULL
            WHERE isRead = 0 AND story IN (SELECT id FROM story WHERE \(condition))
            """, arguments: arguments)
      }
      return db.changesCount
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
  @discardableResult
  static func settleArrivals(_ db: Database, _ ids: [Int64]) throws -> (silenced: Int, resurfacing: Int) {
    var byStory: [String: [Int64]] = [:]
    for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min(ids.count, $0 + 500)]) }) {
      let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT a.id, a.story FROM article a WHERE a.id IN (\(marks)) AND a.isRead = 0 AND a.story IS NOT NULL
            AND EXISTS (SELECT 1 FROM article r WHERE r.story = a.story AND r.isRead = 1)
          """, arguments: StatementArguments(chunk))
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
    return (silenced, resurfacing)
  }
}
