import ParallaxCore
import TerminalModel

/// The first screen: one row per story with an unread marker, its number of versions, title,
/// sources and newest date; the selected row in reverse video.
enum StoryListView {
  static func render(_ state: AppState, into buffer: inout Buffer) {
    let library = state.library
    let shown = library.filter.label.isEmpty ? "" : library.filter.label + " "
    let noun =
      library.filter.threads
      ? (library.storyCount == 1 ? "thread" : "threads") : (library.storyCount == 1 ? "story" : "stories")
    let stories = "\(library.storyCount) \(shown)\(noun)"
    let heading =
      library.filter.scopeName.map { "\(ControlCharacters.sanitize($0)) — \(stories)" }
      ?? "Parallax — \(stories), \(count(library.articleCount, "article", "articles"))"
    let filtered = library.filter.queryLabel.map { heading + " · " + ControlCharacters.sanitize($0) } ?? heading
    buffer.put(filtered, x: 0, y: 0, style: state.theme.heading)
    if library.storyCount == 0, let query = library.filter.queryLabel {
      let key = state.keymap.spec(.back).keys.first?.name ?? "q"
      buffer.put("No story matches the \(query). \(key) clears it.", x: 2, y: 2, style: state.theme.dim)
    } else if library.storyCount == 0 && !library.filter.label.isEmpty {
      let keys = [Action.toggleUnreadOnly, .toggleStarredOnly].filter {
        library.filter.unreadOnly ? $0 == .toggleUnreadOnly : library.filter.starredOnly && $0 == .toggleStarredOnly
      }.compactMap { state.keymap.spec($0).keys.first?.name }
      buffer.put(
        "No \(library.filter.label) stories."
          + (keys.isEmpty ? "" : " \(keys.joined(separator: ", ")) shows every story."),
        x: 2, y: 2, style: state.theme.dim)
    }
    let rows = state.listHeight
    for row in 0..<rows {
      let index = state.list.scroll + row
      guard let story = library.story(at: index) else { break }
      let line = self.line(state, story: story, width: state.width)
      let style = index == state.list.selected ? state.theme.selection : Style.plain
      if index == state.list.selected { buffer.fill(x: 0, y: row + 1, width: state.width, height: 1, style: style) }
      buffer.put(line, x: 0, y: row + 1, style: style)
    }
  }

  static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }

  /// One story row fitted to `width`.
  static func line(_ state: AppState, story: StorySummary, width: Int) -> String {
    let unread = story.unread ? "●" : " "
    let star = story.starred ? "!" : " "
    let count = String(story.size)
    let versions = (story.size > 1 ? String(repeating: " ", count: max(0, 3 - count.count)) + count : "  1") + " "
    let date = story.latest.map { String($0.prefix(10)) } ?? ""
    let right =
      width >= 70 && state.library.showsMetadata
      ? DisplayWidth.pad(story.sources.joined(separator: ", "), to: 22) + " " + DisplayWidth.pad(date, to: 10) : ""
    let titleWidth = max(1, width - 2 - versions.count - (right.isEmpty ? 0 : DisplayWidth.of(right) + 1))
    var title = story.newVersions > 0 ? "+\(story.newVersions) new · " + story.title : story.title
    if story.reports > 1 && state.library.filter.threads {
      let news = story.newReports > 0 ? "+\(story.newReports) report\(story.newReports == 1 ? "" : "s") · " : ""
      title = news + "\(story.reports) reports · " + title
    }
    return unread + star + versions + DisplayWidth.pad(title, to: titleWidth) + (right.isEmpty ? "" : " " + right)
  }
}
