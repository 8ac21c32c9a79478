import TerminalModel

/// Every feed and source: unread stories of all, the name, the last sync; a failed last
/// sync is marked `!` in the warning colour. The selected row's address and error are in
/// the status line.
enum FeedsView {
  static func render(_ state: AppState, into buffer: inout Buffer) {
    let unread = state.feedRows.reduce(0) { $0 + $1.unreadStories }
    buffer.put(
      "Feeds — \(state.feedRows.count) \(state.feedRows.count == 1 ? "feed" : "feeds"), \(unread) unread stories",
      x: 0, y: 0, style: state.theme.heading)
    for row in 0..<state.listHeight {
      let index = state.feedList.scroll + row
      guard state.feedRows.indices.contains(index) else { break }
      let feed = state.feedRows[index]
      let selected = index == state.feedList.selected
      let style = selected ? state.theme.selection : Style.plain
      if selected { buffer.fill(x: 0, y: row + 1, width: state.width, height: 1, style: style) }
      buffer.put(line(feed, width: state.width), x: 0, y: row + 1, style: style)
      if feed.lastError != nil {
        buffer.put("!", x: 0, y: row + 1, style: selected ? style : state.theme.warning)
      }
    }
  }

  /// One feed row fitted to `width`: marker, unread/total stories, name, last sync.
  static func line(_ feed: FeedRow, width: Int) -> String {
    let marker = feed.lastError != nil ? "!" : (feed.unreadStories > 0 ? "●" : " ")
    let counts = DisplayWidth.pad("\(feed.unreadStories)/\(feed.stories)", to: 11)
    let synced =
      feed.query != nil
      ? "saved filter"
      : feed.url == nil
        ? "imported" : feed.lastFetched.map { "synced " + String($0.prefix(16)).replacingT() } ?? "never synced"
    let right = width >= 60 ? " " + DisplayWidth.pad(synced, to: 23) : ""
    let nameWidth = max(1, width - 2 - DisplayWidth.of(counts) - 1 - DisplayWidth.of(right))
    return marker + " " + counts + " " + DisplayWidth.pad(feed.name, to: nameWidth) + right
  }
}

extension String {
  /// An ISO 8601 time as people read it: the `T` as a space.
  fileprivate func replacingT() -> String { String(map { $0 == "T" ? " " : $0 }) }
}
