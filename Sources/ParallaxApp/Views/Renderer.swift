import TerminalModel

/// Renders the whole state into a new buffer: the current screen, then the status line.
public enum Renderer {
  /// The smallest usable terminal.
  public static let minimumWidth = 20
  public static let minimumHeight = 6

  public static func render(_ state: AppState) -> Buffer {
    var buffer = Buffer(width: state.width, height: state.height)
    guard state.width >= minimumWidth, state.height >= minimumHeight else {
      buffer.put("terminal too small", x: 0, y: 0, style: state.theme.warning)
      buffer.put("\(state.width)×\(state.height), need \(minimumWidth)×\(minimumHeight)", x: 0, y: 1)
      return buffer
    }
    switch state.screen {
    case .list: StoryListView.render(state, into: &buffer)
    case .feeds: FeedsView.render(state, into: &buffer)
    case .log: LogView.render(state, into: &buffer)
    case .versions(let story): VersionsView.render(state, story: story, into: &buffer)
    case .thread: ThreadView.render(state, into: &buffer)
    case .reader(let article): ReaderView.render(state, article: article, into: &buffer)
    case .comparison: ComparisonView.render(state, into: &buffer)
    case .help: HelpView.render(state, into: &buffer)
    }
    StatusLine.render(state, into: &buffer)
    return buffer
  }
}
