import TerminalModel

/// The bottom line: the search prompt, a message, or the key hints for the screen.
enum StatusLine {
  static let hints: [ScreenKind: [Action]] = [
    .list: [.open, .compare, .search, .help, .back],
    .versions: [.open, .mark, .compare, .back],
    .reader: [.nextArticle, .previousArticle, .compare, .search, .back],
    .comparison: [.nextDifference, .previousDifference, .switchPane, .swapSides, .search, .back],
    .help: [.back],
  ]

  static func text(_ state: AppState) -> String {
    if state.search.editing { return "/" + state.search.input }
    if let message = state.message { return message }
    return (hints[state.screen.kind] ?? []).compactMap { action in
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
