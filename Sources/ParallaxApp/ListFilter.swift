/// Which stories the story list shows: every story, or only those with an unread version,
/// with a starred version, or carried by one feed. Libraries apply it where the stories
/// are (the store as indexed SQL).
public struct ListFilter: Sendable, Hashable {
  public var unreadOnly = false
  public var starredOnly = false

  public init(unreadOnly: Bool = false, starredOnly: Bool = false) {
    self.unreadOnly = unreadOnly
    self.starredOnly = starredOnly
  }

  /// Whether every story is shown.
  public var isAll: Bool { self == ListFilter() }

  /// Words for the title line ("unread", "starred"), empty for every story.
  public var label: String {
    [unreadOnly ? "unread" : nil, starredOnly ? "starred" : nil].compactMap { $0 }.joined(separator: ", ")
  }
}
