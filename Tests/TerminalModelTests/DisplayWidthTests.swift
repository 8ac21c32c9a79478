import Testing

@testable import TerminalModel

@Suite struct DisplayWidthTests {
  @Test(arguments: [
    ("abc", 3), ("日本語", 6), ("한국", 4), ("café", 4), ("cafe\u{0301}", 4), ("🇺🇦", 2), ("👨‍👩‍👧", 2),
    ("❤️", 2), ("👍🏽", 2), ("ｆｕｌｌ", 8), ("\u{200B}", 0), ("שלום", 4), ("", 0),
  ])
  func displayWidthCountsColumns(text: String, columns: Int) {
    #expect(DisplayWidth.of(text) == columns)
  }

  @Test func wrappingBreaksAtWordsAndRespectsWideCharacters() {
    let lines = TextWrapper.wrap([StyledRun("日本語のテキスト and English words")], width: 10)
    #expect(lines.allSatisfy { TextWrapper.width($0) <= 10 })
    #expect(lines.map { $0.map(\.text).joined() } == ["日本語のテ", "キスト and", "English", "words"])
  }

  @Test func wrappingKeepsStylesAndPlainSpaces() {
    let bold = Style(bold: true)
    let lines = TextWrapper.wrap([StyledRun("one"), StyledRun(" two three", bold)], width: 9)
    #expect(lines == [[StyledRun("one "), StyledRun("two", bold)], [StyledRun("three", bold)]])
  }

  @Test func ansiSelectsColoursAndAttributes() {
    #expect(ANSI.sgr(Style(foreground: 1, bold: true)) == "\u{1B}[1;31m")
    #expect(ANSI.sgr(Style(foreground: 200)) == "\u{1B}[38;5;200m")
    #expect(ANSI.render([StyledRun("x", Style(underline: true))], colour: false) == "x")
  }

  @Test func controlCharactersBecomeVisiblePlaceholders() {
    let hostile = "a\u{1B}]0;pwned\u{07}b\u{9B}31mc\u{7F}\nd\te"
    let safe = ControlCharacters.sanitize(hostile)
    #expect(safe == "a\u{241B}]0;pwned\u{2407}b\u{BF}31mc\u{2421}\nd\te")
    #expect(!safe.unicodeScalars.contains { ControlCharacters.isControl($0) })
  }
}
