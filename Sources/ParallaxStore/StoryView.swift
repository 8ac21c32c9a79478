import GRDB

/// Which stories a list shows: all, only those with an unread version, only starred ones,
/// only those a feed carries. Every part is an indexed SQL condition on the `story` table,
/// so a view of a large store is read a page at a time like the whole list.
public struct StoryView: Sendable, Hashable {
  /// Only stories with an unread version.
  public var unreadOnly = false
  /// Only stories with a starred version.
  public var starredOnly = false
  /// Only stories a feed carries one version of (the feed's row id).
  public var feedID: Int64?
  /// Only stories with a version no feed carries from this source (`.some(nil)`: without
  /// a source): the feeds screen's rows for imported files.
  public var source: String??

  public init(unreadOnly: Bool = false, starredOnly: Bool = false, feedID: Int64? = nil, source: String?? = nil) {
    self.unreadOnly = unreadOnly
    self.starredOnly = starredOnly
    self.feedID = feedID
    self.source = source
  }

  /// Every story.
  public static let all = StoryView()

  /// Whether this view is every story.
  public var isAll: Bool { self == .all }

  /// The condition on `story` (aliased as `story`), and its arguments; "1" for every story.
  var condition: (sql: String, arguments: StatementArguments) {
    var parts: [String] = []
    var arguments = StatementArguments()
    if unreadOnly {
      parts.append("EXISTS (SELECT 1 FROM article v WHERE v.story = story.id AND v.isRead = 0)")
    }
    if starredOnly {
      parts.append("EXISTS (SELECT 1 FROM article v WHERE v.story = story.id AND v.isStarred = 1)")
    }
    if let feedID {
      parts.append(
        """
        EXISTS (SELECT 1 FROM article v JOIN articleFeed f ON f.articleID = v.id
          WHERE v.story = story.id AND f.feedID = ?)
        """)
      arguments += [feedID]
    }
    if let source {
      parts.append(
        """
        EXISTS (SELECT 1 FROM article v WHERE v.story = story.id AND v.source IS ?
          AND NOT EXISTS (SELECT 1 FROM articleFeed f WHERE f.articleID = v.id))
        """)
      arguments += [source]
    }
    return (parts.isEmpty ? "1" : parts.joined(separator: " AND "), arguments)
  }
}
