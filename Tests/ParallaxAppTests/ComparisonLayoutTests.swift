import ParallaxCore
import TerminalModel
import Testing

@testable import ParallaxApp

@Suite struct ComparisonLayoutTests {
  let left = Article(id: "l", title: "L", body: "東京で会議が開かれた。 Talks 🇺🇦 resumed on Monday.\n\nOnly here.")
  let right = Article(id: "r", title: "R", body: "東京で会議が開かれた。 Talks 🇺🇦 restarted on Monday 👨‍👩‍👧.")

  @Test(arguments: [30, 41, 80, 123])
  func bothColumnsFitTheirWidthOnEveryLine(width: Int) {
    let layout = ComparisonLayout(Comparator().compare(left, right), width: width, theme: .colour)
    for line in layout.lines {
      #expect(TextWrapper.width(line.left) <= layout.columnWidth)
      #expect(TextWrapper.width(line.right) <= layout.columnWidth)
    }
    #expect(layout.columnWidth * 2 + ComparisonLayout.gutterWidth + ComparisonLayout.borderWidth <= max(width, 13))
  }

  @Test func rowsStartWithTheirKindMarker() {
    let comparison = Comparator().compare(left, right)
    let layout = ComparisonLayout(comparison, width: 80, theme: .plainText)
    #expect(layout.rowStarts.count == comparison.rows.count)
    #expect(
      layout.rowStarts.map { layout.lines[$0].gutter } == comparison.rows.map { ComparisonLayout.marker($0.kind) })
  }

  @Test func plainTextMarksChangedWords() {
    let layout = ComparisonLayout(Comparator().compare(left, right), width: 200, theme: .plainText)
    let text = layout.lines.map { $0.left.map(\.text).joined() + "|" + $0.right.map(\.text).joined() }.joined()
    #expect(text.contains("[-resumed-]"))
    #expect(text.contains("{+restarted+}"))
  }

  @Test func controlCharactersInArticleTextAreNeutralised() {
    let hostile = Article(id: "h", title: "H", body: "Evil \u{1B}]52;c;AAAA\u{07} text \u{9B}2J here.")
    let layout = ComparisonLayout(Comparator().compare(hostile, hostile), width: 80, theme: .colour)
    for line in layout.lines {
      for run in line.left + line.right {
        #expect(!run.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
      }
    }
  }
}
