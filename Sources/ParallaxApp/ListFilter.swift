import ParallaxCore

/// Which stories the story list shows: every story, or only those with an unread version,
/// with a starred version, or carried by one feed. Libraries apply it where the stories
/// are (the store as indexed SQL).
public struct ListFilter: Sendable, Hashable {
  /// Where stories come from: one feed, or one source of articles no feed carries.
  public enum Scope: Sendable, Hashable {
    case feed(Int64)
    /// A source of imported files; nil for articles without a source.
    case source(String?)
  }

  public var unreadOnly = false
  public var starredOnly = false
  /// Only the stories of one feed (or source), with its name for the title line.
  public var scope: Scope?
  public var scopeName: String?
  /// A typed filter (`F`).
  public var query: StoryQuery?
  /// One row per thread (developing story), by its newest report (`T`).
  public var threads = false

  public init(
    unreadOnly: Bool = false, starredOnly: Bool = false, scope: Scope? = nil, scopeName: String? = nil,
    query: StoryQuery? = nil, threads: Bool = false
  ) {
    self.threads = threads
    self.unreadOnly = unreadOnly
    self.starredOnly = starredOnly
    self.scope = scope
    self.scopeName = scopeName
    self.query = query
  }

  /// Whether every story is shown.
  public var isAll: Bool { self == ListFilter() }

  /// Words for the title line ("unread", "starred"), empty for every story.
  public var label: String {
    [unreadOnly ? "unread" : nil, starredOnly ? "starred" : nil].compactMap { $0 }.joined(separator: ", ")
  }

  /// The typed filter for the title line (`filter: unread feed:bbc`), or nil.
  public var queryLabel: String? { query.map { "filter: " + $0.text } }
}
