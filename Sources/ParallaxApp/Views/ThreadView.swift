import ParallaxCore
import TerminalModel

/// A thread's reports, oldest first: unread mark, date of the first version, outlets, number
/// of versions, what the report adds over the reports before it (`+4 facts`), headline.
enum ThreadView {
  static func render(_ state: AppState, into buffer: inout Buffer) {
    guard let rows = state.threadCache, let first = rows.reports.first else { return }
    let count = rows.reports.count
    buffer.put(
      "Thread: \(first.title) — \(count) report\(count == 1 ? "" : "s")", x: 0, y: 0, style: state.theme.heading)
    for row in 0..<state.listHeight {
      let index = state.threadList.scroll + row
      guard rows.reports.indices.contains(index) else { break }
      let selected = index == state.threadList.selected
      let style = selected ? state.theme.selection : Style.plain
      if selected { buffer.fill(x: 0, y: row + 1, width: state.width, height: 1, style: style) }
      buffer.put(line(state, rows: rows, report: index), x: 0, y: row + 1, style: style)
    }
  }

  /// One report's row fitted to the width.
  static func line(_ state: AppState, rows: AppState.ThreadRows, report index: Int) -> String {
    let report = rows.reports[index]
    let unread = report.unread ? "●" : " "
    let star = report.starred ? "!" : " "
    let versions = report.size == 1 ? "1 version" : "\(report.size) versions"
    let adds = rows.adds[index].map { "+\($0) fact\($0 == 1 ? "" : "s")" } ?? "first"
    let outlets =
      report.sources.count > 1 ? "\(report.sources[0]) + \(report.sources.count - 1) more" : report.sources.first ?? ""
    var columns = unread + star + " "
    if state.width >= 100 {
      let time = report.latest.map { String($0.prefix(16)).replacingOccurrences(of: "T", with: " ") } ?? ""
      columns += DisplayWidth.pad(time, to: 16) + " "
    }
    if state.width >= 60 { columns += DisplayWidth.pad(outlets, to: min(24, max(8, state.width / 5))) + " " }
    columns += DisplayWidth.pad(versions, to: 11) + " " + DisplayWidth.pad(adds, to: 9)
    let titleWidth = max(1, state.width - DisplayWidth.of(columns) - 1)
    return columns + " " + DisplayWidth.pad(report.title, to: titleWidth)
  }
}
