import ParallaxCore
import TerminalModel

/// A story's versions: source, title and date of each, with marks for comparison.
enum VersionsView {
  static func render(_ state: AppState, story: Int, into buffer: inout Buffer) {
    guard let s = state.library.story(at: story) else { return }
    buffer.put("\(s.title) — \(s.size) versions", x: 0, y: 0, style: state.theme.heading)
    let members = state.members(story)
    for row in 0..<state.listHeight {
      let index = state.versions.scroll + row
      guard members.indices.contains(index) else { break }
      let article = state.library.article(members[index])
      let mark = state.marked.contains(members[index]) ? "*" : " "
      let isRead = state.library.isRead(members[index])
      let unread = isRead ? " " : "●"
      let star = state.library.isStarred(members[index]) ? "!" : " "
      // A version that arrived after the story was read, with what it adds.
      let news = isRead ? nil : state.library.newFacts(members[index])
      let title = news.map { "new +\($0) fact\($0 == 1 ? "" : "s") · " + article.title } ?? article.title
      let source = DisplayWidth.pad(article.source ?? article.id, to: min(24, state.width / 3))
      let date = article.published.map { " " + String($0.prefix(10)) } ?? ""
      let titleWidth = max(1, state.width - 4 - DisplayWidth.of(source) - 1 - DisplayWidth.of(date))
      let line = unread + mark + star + " " + source + " " + DisplayWidth.pad(title, to: titleWidth) + date
      let selected = index == state.versions.selected
      let style = selected ? state.theme.selection : Style.plain
      if selected { buffer.fill(x: 0, y: row + 1, width: state.width, height: 1, style: style) }
      buffer.put(line, x: 0, y: row + 1, style: style)
    }
  }
}
