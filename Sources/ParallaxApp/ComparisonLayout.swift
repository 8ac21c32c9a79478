import Foundation
import ParallaxCore
import TerminalModel

/// Lays a ``Comparison`` out as side-by-side lines for a given width: each row's two sides are
/// wrapped at word boundaries to the column width and padded to the same number of lines, so
/// both columns stay in step. Used by `parallax compare` and the comparison screen.
public struct ComparisonLayout: Sendable {
  /// One visual line: a gutter marker and the left and right column contents.
  public struct Line: Sendable, Hashable {
    /// The row this line belongs to.
    public var row: Int
    /// Two-column marker: `= ` same, `~ ` changed, `↕ ` moved, `- ` left only, `+ ` right only.
    public var gutter: String
    public var left: [StyledRun]
    public var right: [StyledRun]
  }

  public var lines: [Line] = []
  /// The first line of each row.
  public var rowStarts: [Int] = []
  /// Width of each text column.
  public let columnWidth: Int

  /// Columns used by the gutter and the border between the panes.
  public static let gutterWidth = 2
  public static let borderWidth = 3

  /// Lays out `comparison` for a total `width`.
  public init(_ comparison: Comparison, width: Int, theme: Theme) {
    columnWidth = max(4, (width - Self.gutterWidth - Self.borderWidth) / 2)
    for (index, row) in comparison.rows.enumerated() {
      let left = TextWrapper.wrap(Self.runs(row.leftSpans, row: row, theme: theme), width: columnWidth)
      let right = TextWrapper.wrap(Self.runs(row.rightSpans, row: row, theme: theme), width: columnWidth)
      rowStarts.append(lines.count)
      let count = max(left.count, right.count)
      for k in 0..<count {
        lines.append(
          Line(
            row: index, gutter: k == 0 ? Self.marker(row.kind) : "  ", left: k < left.count ? left[k] : [],
            right: k < right.count ? right[k] : []))
      }
      lines.append(Line(row: index, gutter: "  ", left: [], right: []))
    }
  }

  /// The gutter marker of a row kind.
  public static func marker(_ kind: ComparisonRow.Kind) -> String {
    switch kind {
    case .same: return "= "
    case .changed: return "~ "
    case .moved: return "↕ "
    case .leftOnly: return "- "
    case .rightOnly: return "+ "
    }
  }

  /// Styled runs for spans; one-sided rows are not highlighted word by word (the marker says it).
  static func runs(_ spans: [WordSpan], row: ComparisonRow, theme: Theme) -> [StyledRun] {
    var runs: [StyledRun] = []
    let oneSided = row.kind == .leftOnly || row.kind == .rightOnly
    for (i, span) in spans.enumerated() {
      // Line feeds are the paragraph breaks of rows that join paragraphs; all other controls
      // become placeholders.
      var text = ControlCharacters.sanitize(span.text, keepLayout: true).replacingOccurrences(of: "\t", with: " ")
      if theme.textMarkers && !oneSided && span.op != .equal {
        text = span.op == .delete ? "[-" + text + "-]" : "{+" + text + "+}"
      }
      let style: Style
      switch span.op {
      case .equal: style = .plain
      case .delete: style = oneSided ? .plain : theme.deleted
      case .insert: style = oneSided ? .plain : theme.inserted
      }
      runs.append(StyledRun(i == 0 || span.attached == true ? text : " " + text, style))
    }
    return runs
  }
}
