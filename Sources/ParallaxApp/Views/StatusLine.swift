import TerminalModel

/// The bottom line: the search prompt, a message, or the key hints for the screen.
enum StatusLine {
  static let hints: [ScreenKind: [Action]] = [
    .list: [.open, .compare, .search, .feeds, .reloadAll, .help, .back],
    .feeds: [.open, .reload, .reloadAll, .showLog, .back],
    .log: [.back],
    .versions: [.open, .mark, .compare, .back],
    .thread: [.open, .back],
    .reader: [.nextArticle, .previousArticle, .compare, .search, .fetchPage, .back],
    .comparison: [.nextDifference, .previousDifference, .switchPane, .swapSides, .search, .back],
    .help: [.back],
  ]

  static func text(_ state: AppState) -> String {
    if state.search.editing {
      return (state.search.purpose == .filter ? "filter: " : "/") + state.search.input
    }
    if let message = state.message { return message }
    if let sync = state.syncing {
      let progress = sync.total == 0 ? "syncing…" : "syncing \(sync.done)/\(sync.total) feeds…"
      if let feed = state.selectedFeedStatus { return progress + "  " + feed }
      return progress
    }
    if let feed = state.selectedFeedStatus { return feed }
    if !state.pageFetches.isEmpty {
      return "fetching \(state.pageFetches.count) page\(state.pageFetches.count == 1 ? "" : "s")…"
    }
    var shown = hints[state.screen.kind] ?? []
    if case .reader(let handle) = state.screen, !AppState.isSummaryOnly(state.library.article(handle)) {
      shown.removeAll { $0 == .fetchPage }
    }
    return shown.compactMap { action in
      guard let key = state.keymap.spec(action).keys.first else { return nil }
      let label = action == .back && state.screens.count == 1 ? "quit" : action.rawValue
      return key.name + " " + label
    }.joined(separator: "  ")
  }

  static func render(_ state: AppState, into buffer: inout Buffer) {
    let y = state.height - 1
    buffer.fill(x: 0, y: y, width: state.width, height: 1, style: state.theme.selection)
    buffer.put(text(state), x: 0, y: y, style: state.theme.selection)
  }
}
