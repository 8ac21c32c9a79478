import Foundation
import GRDB
import ParallaxCore

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
  /// A typed filter (`F`).
  public var query: StoryQuery?
  /// One row per thread, its newest report (unread-only: threads with an unread report).
  public var threads = false

  public init(
    unreadOnly: Bool = false, starredOnly: Bool = false, feedID: Int64? = nil, source: String?? = nil,
    query: StoryQuery? = nil, threads: Bool = false
  ) {
    self.threads = threads
    self.unreadOnly = unreadOnly
    self.starredOnly = starredOnly
    self.feedID = feedID
    self.source = source
    self.query = query
  }

  /// Every story.
  public static let all = StoryView()

  /// Whether this view is every story.
  public var isAll: Bool { self == .all }

  /// The condition on `story` (aliased as `story`), and its arguments; "1" for every story.
  var condition: (sql: String, arguments: StatementArguments) {
    var parts: [String] = []
    var arguments = StatementArguments()
    if threads {
      parts.append("story.threadHead")
    }
    if unreadOnly {
      parts.append(
        threads
          ? "EXISTS (SELECT 1 FROM story AS report WHERE report.thread = story.thread AND report.unread > 0)"
          : "story.unread > 0")
    }
    if starredOnly {
      parts.append("EXISTS (SELECT 1 FROM article v WHERE v.story = story.id AND v.isStarred = 1)")
    }
    if let feedID {
      parts.append("story.id IN (SELECT storyID FROM storyFeed WHERE feedID = ?)")
      arguments += [feedID]
    }
    if let source {
      parts.append(
        """
        story.id IN (SELECT v.story FROM article v INDEXED BY article_feedless WHERE v.viaFeed = 0 AND v.source IS ?)
        """)
      arguments += [source]
    }
    if let query {
      let (sql, values) = Self.condition(query)
      parts.append(sql)
      arguments += values
    }
    return (parts.isEmpty ? "1" : parts.joined(separator: " AND "), arguments)
  }

  /// A typed filter as SQL over `story`: each term an indexed lookup (the full-text index,
  /// the read and star indexes, feeds by name, the story's own size and date).
  static func condition(_ query: StoryQuery) -> (String, StatementArguments) {
    var arguments = StatementArguments()
    let alternatives = query.alternatives.map { terms -> String in
      "("
        + terms.map { term -> String in
          switch term {
          case .words(let words):
            let phrases = words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
              .joined(separator: " ")
            arguments += [phrases]
            return "story.id IN (\(Store.storiesMatching))"
          case .unread:
            return "story.unread > 0"
          case .starred:
            return "story.id IN (SELECT article.story FROM article WHERE article.isStarred = 1)"
          case .feed(let name):
            let pattern = "%" + likeEscaped(name) + "%"
            arguments += [pattern, pattern]
            return """
              story.id IN (SELECT storyFeed.storyID FROM feed JOIN storyFeed ON storyFeed.feedID = feed.id
                WHERE lower(COALESCE(feed.title, '')) LIKE ? ESCAPE '\\' OR lower(feed.url) LIKE ? ESCAPE '\\')
              """
          case .source(let name):
            arguments += ["%" + likeEscaped(name) + "%"]
            return "story.id IN (SELECT article.story FROM article WHERE lower(article.source) LIKE ? ESCAPE '\\')"
          case .tag(let name):
            arguments += ["%\"" + likeEscaped(name) + "\"%"]
            return """
              story.id IN (SELECT storyFeed.storyID FROM feed JOIN storyFeed ON storyFeed.feedID = feed.id
                WHERE lower(feed.tags) LIKE ? ESCAPE '\\')
              """
          case .age(let days):
            arguments += [PublicationTime.string(from: Date().addingTimeInterval(-Double(days) * 86400))]
            return "story.latest >= ?"
          case .after(let date):
            arguments += [date]
            return "story.latest >= ?"
          case .before(let date):
            arguments += [date]
            return "story.latest < ?"
          case .versions(let comparison, let n):
            arguments += [n]
            return "story.size \(comparison.rawValue) ?"
          case .reports(let comparison, let n):
            arguments += [n]
            return "(SELECT COUNT(*) FROM story AS report WHERE report.thread = story.thread) \(comparison.rawValue) ?"
          }
        }.joined(separator: " AND ") + ")"
    }
    return ("(" + alternatives.joined(separator: " OR ") + ")", arguments)
  }

  /// `%`, `_` and `\` taken literally in a LIKE pattern.
  static func likeEscaped(_ text: String) -> String {
    var out = ""
    for c in text {
      if c == "%" || c == "_" || c == "\\" { out.append("\\") }
      out.append(c)
    }
    return out
  }
}
