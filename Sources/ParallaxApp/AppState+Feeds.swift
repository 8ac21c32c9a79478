import ParallaxCore

/// The feeds screen: every feed and source with its stories; Enter shows one's stories as
/// a story list on top, `q` comes back.
extension AppState {
  /// `f`: the feeds screen, read afresh.
  mutating func openFeeds() {
    feedRows = library.feeds()
    _ = takeLibraryProblems()
    if feedList.selected >= feedRows.count { feedList = ListState() }
    screens.append(.feeds)
    if feedRows.isEmpty {
      message = "no feeds yet: parallax import FILE.opml (or a urls file), then R syncs them"
    }
  }

  /// Enter on a feed: its stories, with the filter of the list underneath kept (unread only
  /// stays unread only).
  mutating func openFeedStories() {
    guard feedRows.indices.contains(feedList.selected) else { return }
    let row = feedRows[feedList.selected]
    var filter = library.filter
    if let text = row.query {
      guard let query = try? StoryQuery(parsing: text) else {
        message = "saved filter \(row.name): cannot be read: \(text)"
        return
      }
      filter.query = query
    } else {
      filter.scope = row.scope
    }
    filter.scopeName = row.name
    listStack.append(SavedList(filter: library.filter, list: list))
    library.setFilter(filter)
    list = ListState()
    screens.append(.list)
  }

  /// Leaving a feed's story list: the list underneath as it was.
  mutating func closeFeedStories() {
    guard let saved = listStack.popLast() else { return }
    library.setFilter(saved.filter)
    list = saved.list
    libraryChanged()
    feedRows = library.feeds()
  }

  /// The feeds screen's status: the selected feed's address and its last error.
  var selectedFeedStatus: String? {
    guard screen == .feeds, feedRows.indices.contains(feedList.selected) else { return nil }
    let row = feedRows[feedList.selected]
    if let query = row.query { return "saved filter: " + query }
    var parts = [row.url ?? "articles imported from files"]
    if let error = row.lastError { parts.append("last error: " + error) }
    return parts.joined(separator: " · ")
  }
}
