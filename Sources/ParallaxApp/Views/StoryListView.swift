import ParallaxCore
import TerminalModel

/// The first screen: one row per story with an unread marker, its number of versions, title,
/// sources and newest date; the selected row in reverse video.
enum StoryListView {
  static func render(_ state: AppState, into buffer: inout Buffer) {
    let library = state.library
    buffer.put(
      "Parallax — \(count(library.storyCount, "story", "stories")), \(count(library.articleCount, "article", "articles"))",
      x: 0, y: 0, style: state.theme.heading)
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
    let count = String(story.size)
    let versions = (story.size > 1 ? String(repeating: " ", count: max(0, 3 - count.count)) + count : "  1") + " "
    let date = story.latest.map { String($0.prefix(10)) } ?? ""
    let right =
      width >= 70 && state.library.showsMetadata
      ? DisplayWidth.pad(story.sources.joined(separator: ", "), to: 22) + " " + DisplayWidth.pad(date, to: 10) : ""
    let titleWidth = max(1, width - 2 - versions.count - (right.isEmpty ? 0 : DisplayWidth.of(right) + 1))
    return unread + " " + versions + DisplayWidth.pad(story.title, to: titleWidth) + (right.isEmpty ? "" : " " + right)
  }
}
