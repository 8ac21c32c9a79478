import Foundation
import GRDB
import ParallaxCore

/// Paged reads for the interface: stories newest first, a story's members, one article.
/// None of these reads more than a page of rows, so the interface never holds the store.
extension Store {
  /// One row of the `story` table with whether any member is unread.
  public struct StoryRecord: Sendable, Equatable {
    public var id: String
    public var title: String
    public var size: Int
    public var latest: String?
    public var sources: [String]
    public var unread: Bool
    /// Unread versions of a story that has read ones: versions that arrived after the story
    /// was read and add facts (0 when nothing of it was read yet).
    public var newVersions: Int = 0
    /// Whether any version is starred.
    public var starred: Bool = false
    /// The thread (developing story) the report belongs to.
    public var thread: String? = nil
    /// With threads listed: the thread's reports, and those of them that arrived after the
    /// thread was read (unread reports of a thread with a read one; 0 when none was read).
    public var reports = 1
    public var newReports = 0
  }

  /// Counts the interface shows in its heading.
  public func storyAndArticleCounts() throws -> (stories: Int, articles: Int) {
    try reading { db in
      (
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM story") ?? 0,
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article WHERE story IS NOT NULL") ?? 0
      )
    }
  }

  /// Whether any article has a source or a date.
  public func hasMetadata() throws -> Bool {
    try reading { db in
      try Bool.fetchOne(
        db, sql: "SELECT EXISTS (SELECT 1 FROM article WHERE source IS NOT NULL OR published IS NOT NULL)") ?? false
    }
  }

  /// Stories of `view` newest first (by their newest member; undated last), `limit` from
  /// `offset`.
  public func storyPage(offset: Int, limit: Int, view: StoryView = .all) throws -> [StoryRecord] {
    let (condition, arguments) = view.condition
    return try reading { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT id, title, size, latest, sources,
            story.unread, story.unread < story.size,
            EXISTS (SELECT 1 FROM article WHERE article.story = story.id AND article.isStarred = 1), thread,
            (SELECT COUNT(*) FROM story AS report WHERE report.thread = story.thread),
            (SELECT COUNT(*) FROM story AS report WHERE report.thread = story.thread AND report.unread > 0),
            (SELECT COUNT(*) FROM story AS report WHERE report.thread = story.thread AND report.unread < report.size)
          FROM story \(view.threads ? "INDEXED BY story_heads" : "") WHERE \(condition)
          ORDER BY latest DESC, id LIMIT ? OFFSET ?
          """, arguments: arguments + [limit, offset]
      ).map { row in
        let sources: String = row[4]
        let unread: Int = row[5]
        let anyRead: Bool = row[6]
        return StoryRecord(
          id: row[0], title: row[1], size: row[2], latest: row[3],
          // A thread's row is unread while any of its reports is.
          sources: StorySources.decode(sources), unread: view.threads ? (row[10] as Int) > 0 : unread > 0,
          newVersions: anyRead ? unread : 0, starred: row[7], thread: row[8], reports: row[9],
          newReports: (row[11] as Int) > 0 ? row[10] : 0)
      }
    }
  }

  /// The reports (stories) of a thread, oldest first by their first reports (dated first,
  /// then by identity), with the read and starred state the list shows.
  public func threadReports(_ thread: String) throws -> [StoryRecord] {
    try reading { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT story.id, story.title, story.size, story.latest, story.sources,
            story.unread, story.unread < story.size,
            EXISTS (SELECT 1 FROM article WHERE article.story = story.id AND article.isStarred = 1), story.thread
          FROM story LEFT JOIN article AS first ON first.id = story.anchor
          WHERE story.thread = ?
          ORDER BY first.published IS NULL, first.published, first.key, story.id
          """, arguments: [thread]
      ).map { row in
        let sources: String = row[4]
        let unread: Int = row[5]
        let anyRead: Bool = row[6]
        return StoryRecord(
          id: row[0], title: row[1], size: row[2], latest: row[3], sources: StorySources.decode(sources),
          unread: unread > 0, newVersions: anyRead ? unread : 0, starred: row[7], thread: row[8])
      }
    }
  }

  /// The number of stories `view` shows.
  public func storyCount(view: StoryView) throws -> Int {
    if view.isAll { return try storyAndArticleCounts().stories }
    let (condition, arguments) = view.condition
    return try reading { db in
      try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM story WHERE \(condition)", arguments: arguments) ?? 0
    }
  }

  /// The position of a story in ``storyPage(offset:limit:view:)`` order, nil when the view
  /// does not show it.
  public func storyPosition(_ id: String, view: StoryView = .all) throws -> Int? {
    let (condition, arguments) = view.condition
    return try reading { db in
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT latest FROM story WHERE id = ? AND \(condition)", arguments: [id] + arguments)
      else {
        return nil
      }
      let latest: String? = row[0]
      if let latest {
        return try Int.fetchOne(
          db, sql: "SELECT COUNT(*) FROM story WHERE (latest > ? OR (latest = ? AND id < ?)) AND \(condition)",
          arguments: [latest, latest, id] + arguments)
      }
      return try Int.fetchOne(
        db,
        sql: "SELECT COUNT(*) FROM story WHERE (latest IS NOT NULL OR (latest IS NULL AND id < ?)) AND \(condition)",
        arguments: [id] + arguments)
    }
  }

  /// The story first in list order (newest first) among those holding any of `rowIDs`.
  public func firstStory(holding rowIDs: [Int64]) throws -> String? {
    try reading { db in
      var best: (latest: String?, id: String)?
      for start in stride(from: 0, to: rowIDs.count, by: 500) {
        let chunk = Array(rowIDs[start..<min(rowIDs.count, start + 500)])
        let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
        guard
          let row = try Row.fetchOne(
            db,
            sql: """
              SELECT id, latest FROM story WHERE id IN (SELECT story FROM article WHERE id IN (\(marks)))
              ORDER BY latest DESC, id LIMIT 1
              """, arguments: StatementArguments(chunk))
        else { continue }
        let candidate: (latest: String?, id: String) = (row[1], row[0])
        if let current = best {
          let newer: Bool
          switch (candidate.latest, current.latest) {
          case (let a?, let b?) where a != b: newer = a > b
          case (_?, nil): newer = true
          case (nil, _?): newer = false
          default: newer = candidate.id < current.id
          }
          if newer { best = candidate }
        } else {
          best = candidate
        }
      }
      return best?.id
    }
  }

  /// Row ids of a story's members, newest first.
  public func memberIDs(ofStory id: String) throws -> [Int64] {
    try reading { db in
      try Int64.fetchAll(
        db, sql: "SELECT id FROM article WHERE story = ? ORDER BY published IS NULL, published DESC, id",
        arguments: [id])
    }
  }

  /// One stored article.
  public func article(_ rowID: Int64) throws -> StoredArticle? {
    try reading { db in try StoredArticle.fetchOne(db, key: rowID) }
  }

  /// Stories holding an article whose title or text has the words of `text` in a row, the
  /// last one possibly unfinished (an FTS5 prefix phrase), at most `limit`.
  public func storyIDs(matchingPrefix text: String, limit: Int = 2000) throws -> [String] {
    let phrase = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"*"
    return try reading { db in
      try String.fetchAll(
        db,
        sql: "SELECT DISTINCT story FROM (\(Self.storiesMatching)) WHERE story IS NOT NULL LIMIT ?",
        arguments: [phrase, limit])
    }
  }

  /// The position (in `view`'s order) of the next story after the one at `index` (or at it,
  /// with `includeCurrent`; backwards unless `forward`; wrapping around) that holds an
  /// article with the words of `text` in a row, the last one possibly unfinished. One query
  /// over the matching stories, however many there are, then one position.
  public func nextStory(
    matchingPrefix text: String, from index: Int, forward: Bool, includeCurrent: Bool, view: StoryView = .all
  ) throws -> Int? {
    let phrase = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"*"
    let (condition, arguments) = view.condition
    let current = try storyPage(offset: max(0, index), limit: 1, view: view).first
    let key = "COALESCE(story.latest, '')"
    let matching = "SELECT story.id FROM story WHERE story.id IN (\(Self.storiesMatching)) AND \(condition)"
    let order = forward ? "ORDER BY \(key) DESC, story.id ASC" : "ORDER BY \(key) ASC, story.id DESC"
    let found: String? = try reading { db in
      if let current {
        let latest = current.latest ?? ""
        let beyond =
          forward
          ? "(\(key) < ? OR (\(key) = ? AND story.id \(includeCurrent ? ">=" : ">") ?))"
          : "(\(key) > ? OR (\(key) = ? AND story.id \(includeCurrent ? "<=" : "<") ?))"
        if let id = try String.fetchOne(
          db, sql: matching + " AND " + beyond + " " + order + " LIMIT 1",
          arguments: [phrase] + arguments + [latest, latest, current.id])
        {
          return id
        }
      }
      // Wrapping around: the first (or last) match of the whole list.
      return try String.fetchOne(db, sql: matching + " " + order + " LIMIT 1", arguments: [phrase] + arguments)
    }
    guard let found else { return nil }
    return try storyPosition(found, view: view)
  }

  /// Changes whenever articles arrive or are grouped (for readers in another process).
  public func changeMarker() throws -> [Int] {
    try reading { db in
      [
        try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM article") ?? 0,
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article WHERE story IS NULL") ?? 0,
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM story") ?? 0,
      ]
    }
  }

  /// The story an article belongs to (nil while it is not grouped yet).
  public func storyID(ofArticle rowID: Int64) throws -> String? {
    try reading { db in
      try String.fetchOne(db, sql: "SELECT story FROM article WHERE id = ?", arguments: [rowID])
    }
  }

  /// Whether an article is read.
  public func isRead(_ rowID: Int64) throws -> Bool {
    try reading { db in
      try Bool.fetchOne(db, sql: "SELECT isRead FROM article WHERE id = ?", arguments: [rowID]) ?? false
    }
  }
}
