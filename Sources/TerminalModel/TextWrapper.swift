/// Wraps styled text into lines of a given display width, at word boundaries.
///
/// Words are kept whole unless one is wider than a line, in which case it is broken between
/// grapheme clusters. Widths are display columns (``DisplayWidth``), so CJK and emoji wrap
/// in the right place. Paragraph breaks (`"\n"`) start a new line.
public enum TextWrapper {
  /// The lines of `runs` wrapped to `width` columns (at least 1).
  /// - Complexity: O(n) in the text length.
  public static func wrap(_ runs: [StyledRun], width: Int) -> [[StyledRun]] {
    let width = max(1, width)
    var lines: [[StyledRun]] = [[]]
    var used = 0
    func append(_ text: String, _ style: Style, columns: Int) {
      if let last = lines[lines.count - 1].last, last.style == style {
        lines[lines.count - 1][lines[lines.count - 1].count - 1].text += text
      } else {
        lines[lines.count - 1].append(StyledRun(text, style))
      }
      used += columns
    }
    func newLine() {
      lines.append([])
      used = 0
    }
    var pendingSpace: Style? = nil
    for run in runs {
      for (index, piece) in run.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        if index > 0 {
          newLine()
          pendingSpace = nil
        }
        for (wordIndex, word) in piece.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
          if wordIndex > 0 { pendingSpace = pendingSpace ?? run.style }
          if word.isEmpty { continue }
          let w = DisplayWidth.of(String(word))
          let space = pendingSpace != nil && used > 0 ? 1 : 0
          if used > 0 && used + space + w > width {
            newLine()
          } else if space == 1 {
            append(" ", .plain, columns: 1)
          }
          pendingSpace = nil
          if w <= width - used {
            append(String(word), run.style, columns: w)
          } else {
            for ch in word {
              let cw = DisplayWidth.of(ch)
              if used + cw > width && used > 0 { newLine() }
              append(String(ch), run.style, columns: cw)
            }
          }
        }
      }
    }
    return lines
  }

  /// The display width of a line.
  public static func width(_ line: [StyledRun]) -> Int { line.reduce(0) { $0 + DisplayWidth.of($1.text) } }
}
