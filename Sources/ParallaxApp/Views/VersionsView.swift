import ParallaxCore
import TerminalModel

/// A story's versions as a timeline: one row per distinct text, the first published first,
/// with its outlets (identical copies collapsed: `Wire 4 + 5 more`), time, length and what it
/// adds to or lacks from the first (`+3 facts −1`); marks for comparison, unread, starred.
enum VersionsView {
  static func render(_ state: AppState, story: Int, into buffer: inout Buffer) {
    guard let s = state.library.story(at: story), let rows = state.versionRows(story) else { return }
    let distinct = rows.handles.count
    let copies = s.size == distinct ? "" : ", \(distinct) distinct"
    buffer.put("\(s.title) — \(s.size) versions\(copies)", x: 0, y: 0, style: state.theme.heading)
    for row in 0..<state.listHeight {
      let index = state.versions.scroll + row
      guard rows.handles.indices.contains(index) else { break }
      let line = self.line(state, rows: rows, entry: index)
      let selected = index == state.versions.selected
      let style = selected ? state.theme.selection : Style.plain
      if selected { buffer.fill(x: 0, y: row + 1, width: state.width, height: 1, style: style) }
      buffer.put(line, x: 0, y: row + 1, style: style)
    }
  }

  /// One timeline row fitted to the width.
  static func line(_ state: AppState, rows: AppState.VersionRows, entry index: Int) -> String {
    let handles = rows.handles[index]
    let entry = rows.timeline.entries[index]
    let library = state.library
    let article = library.article(handles[0])
    let unreadHandles = handles.filter { !library.isRead($0) }
    let unread = unreadHandles.isEmpty ? " " : "●"
    let mark = state.marked.contains(handles[0]) ? "*" : " "
    let star = handles.contains { library.isStarred($0) } ? "!" : " "
    let outlets = rows.outlets[index]
    let names = outlets.count > 1 ? "\(outlets[0]) + \(outlets.count - 1) more" : outlets.first ?? ""
    let outletWidth = min(24, max(8, state.width / 4))
    let time = article.published.map { String($0.prefix(16)).replacingOccurrences(of: "T", with: " ") } ?? ""
    let delta: String
    if index == 0 {
      delta = "first"
    } else if index >= VersionTimeline.maxCompared {
      delta = ""
    } else if entry.adds == 0 && entry.lacks == 0 {
      delta = "same facts"
    } else {
      delta = "+\(entry.adds) facts −\(entry.lacks)"
    }
    // A version that arrived after the story was read, with what it adds over the read ones.
    let news = unreadHandles.lazy.compactMap { library.newFacts($0) }.first
    let title = news.map { "new +\($0) fact\($0 == 1 ? "" : "s") · " + article.title } ?? article.title
    var columns = unread + mark + star + " " + DisplayWidth.pad(names, to: outletWidth)
    if state.width >= 100 {
      columns += " " + DisplayWidth.pad(time, to: 16) + " " + DisplayWidth.pad("\(entry.words) words", to: 11)
    }
    if state.width >= 60 { columns += " " + DisplayWidth.pad(delta, to: 14) }
    let titleWidth = max(1, state.width - DisplayWidth.of(columns) - 1)
    return columns + " " + DisplayWidth.pad(title, to: titleWidth)
  }
}
