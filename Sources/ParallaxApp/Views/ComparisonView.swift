import ParallaxCore
import TerminalModel

/// Two versions side by side: a header with both titles, aligned rows scrolling together
/// with the pane border fixed in one column, and, after the rows, what only one side has.
/// Below 100 columns one pane is shown at a time (Tab switches).
public enum ComparisonView {
  /// Width from which both panes are shown.
  public static let sideBySideWidth = 100

  static func isSideBySide(_ state: AppState) -> Bool { state.width >= sideBySideWidth }

  /// The width the layout is computed for: the screen, or in single-pane mode twice a pane.
  static func layoutWidth(_ state: AppState) -> Int {
    isSideBySide(state)
      ? state.width
      : (state.width - ComparisonLayout.gutterWidth) * 2 + ComparisonLayout.gutterWidth + ComparisonLayout.borderWidth
  }

  /// Rows for the scrolling body (the header and the status line take two).
  static func bodyHeight(_ state: AppState) -> Int { max(1, state.height - 2) }

  /// The summary lines that follow the rows.
  static func summary(_ state: AppState) -> [[StyledRun]] {
    guard let c = state.comparison, let result = c.result else { return [] }
    let theme = state.theme
    func block(_ heading: String, _ facts: Facts) -> [[StyledRun]] {
      var out: [[StyledRun]] = [[], [StyledRun(heading, theme.heading)]]
      if facts.isEmpty { out.append([StyledRun("  (nothing)", theme.dim)]) }
      for q in facts.quotes {
        var line = [StyledRun("  quote “" + q.text + "”")]
        if q.absentFromOther { line.append(StyledRun("  not in the other version at all", theme.warning)) }
        if q.unattributed { line.append(StyledRun("  no speaker named", theme.dim)) }
        out.append(line)
      }
      for n in facts.numbers { out.append([StyledRun("  number: " + n.text)]) }
      if !facts.names.isEmpty { out.append([StyledRun("  names: " + facts.names.joined(separator: ", "))]) }
      for a in facts.attributions { out.append([StyledRun("  attribution: " + a)]) }
      return out
    }
    let width = max(1, state.width - 2)
    return
      (block("Only in left: " + result.leftArticle.title, result.onlyLeft)
      + block("Only in right: " + result.rightArticle.title, result.onlyRight))
      .flatMap { $0.isEmpty ? [[]] : TextWrapper.wrap($0, width: width) }
  }

  /// Total scrollable lines.
  static func lineCount(_ state: AppState) -> Int {
    (state.comparison?.layout?.lines.count ?? 0) + summary(state).count
  }

  static func render(_ state: AppState, into buffer: inout Buffer) {
    guard let c = state.comparison else { return }
    let theme = state.theme
    guard let result = c.result, let layout = c.layout else {
      buffer.put("Comparing…", x: 0, y: 0, style: theme.heading)
      return
    }
    let column = layout.columnWidth
    let gutter = ComparisonLayout.gutterWidth
    let sideBySide = isSideBySide(state)
    let titles = [result.leftArticle.title, result.rightArticle.title]
    if sideBySide {
      buffer.put(DisplayWidth.pad(titles[0], to: column), x: gutter, y: 0, style: c.focus == 0 ? theme.heading : .plain)
      buffer.put("│", x: gutter + column + 1, y: 0, style: theme.border)
      buffer.put(titles[1], x: gutter + column + 3, y: 0, style: c.focus == 1 ? theme.heading : .plain, limit: column)
    } else {
      let label = c.focus == 0 ? "left" : "right"
      buffer.put("[\(label)] " + titles[c.focus], x: 0, y: 0, style: theme.heading)
    }
    let summaryLines = summary(state)
    for row in 0..<bodyHeight(state) {
      let index = c.scroll + row
      let y = row + 1
      if index < layout.lines.count {
        let line = layout.lines[index]
        buffer.put(line.gutter, x: 0, y: y, style: theme.gutter)
        if sideBySide {
          buffer.put(line.left, x: gutter, y: y, limit: column)
          buffer.put("│", x: gutter + column + 1, y: y, style: theme.border)
          buffer.put(line.right, x: gutter + column + 3, y: y, limit: column)
        } else {
          buffer.put(c.focus == 0 ? line.left : line.right, x: gutter, y: y, limit: state.width - gutter)
        }
      } else if index - layout.lines.count < summaryLines.count {
        buffer.put(summaryLines[index - layout.lines.count], x: 1, y: y, limit: state.width - 2)
      }
    }
  }
}
