import Testing

@testable import TerminalModel

@Suite struct BufferTests {
  @Test func textIsWrittenAndClippedToTheWidth() {
    var buffer = Buffer(width: 8, height: 2)
    buffer.put("Hello, world", x: 1, y: 0)
    buffer.put("ok", x: 6, y: 1)
    #expect(buffer.lines == [" Hello,", "      ok"])
  }

  @Test func wideGraphemesTakeTwoCellsAndNeverStraddleTheEdge() {
    var buffer = Buffer(width: 7, height: 3)
    buffer.put("日本語です", x: 0, y: 0)
    buffer.put("a🇺🇦b👨‍👩‍👧", x: 0, y: 1)
    buffer.put("ab日", x: 5, y: 2)
    #expect(buffer.lines == ["日本語", "a🇺🇦b👨‍👩‍👧", "     ab"])
    #expect(buffer[1, 0].width == 0)
    #expect(buffer[6, 0].text == " ")
  }

  @Test func overwritingHalfOfAWideGraphemeClearsTheOtherHalf() {
    var buffer = Buffer(width: 4, height: 1)
    buffer.put("日本", x: 0, y: 0)
    buffer.put("x", x: 1, y: 0)
    #expect(buffer.lines == [" x本"])
  }

  @Test func combiningMarksJoinThePreviousCell() {
    var buffer = Buffer(width: 5, height: 1)
    buffer.put("Cafe\u{301}!", x: 0, y: 0)
    #expect(buffer.lines == ["Café!"])
    #expect(buffer[3, 0].text == "e\u{301}")
  }

  @Test func controlSequencesBecomePlaceholders() {
    var buffer = Buffer(width: 20, height: 1)
    buffer.put("a\u{1B}[2Jb\u{9B}c\u{7}", x: 0, y: 0)
    #expect(buffer.lines == ["a\u{241B}[2Jb\u{BF}c\u{2407}"])
    #expect(
      !buffer.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } }
    )
  }

  @Test func diffReportsOnlyChangedCellsAndEverythingAfterAResize() {
    var a = Buffer(width: 4, height: 2)
    a.put("abcd", x: 0, y: 0)
    var b = a
    b.put("X", x: 2, y: 1)
    #expect(b.diff(from: a).map { [$0.x, $0.y] } == [[2, 1]])
    #expect(b.diff(from: nil).count == 8)
    #expect(Buffer(width: 5, height: 2).diff(from: a).count == 10)
  }

  @Test func aChangedWideGraphemeIsRedrawnFromItsFirstHalf() {
    var a = Buffer(width: 4, height: 1)
    a.put("日本", x: 0, y: 0)
    var b = a
    b.put("中", x: 2, y: 0)
    #expect(b.diff(from: a).map(\.x) == [2])
  }
}
