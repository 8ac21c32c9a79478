import Foundation

/// Splits raw article text into paragraphs, undoing hard wrapping where the input has it.
///
/// Three layouts occur in practice: one paragraph per line (most web copies), hard-wrapped
/// lines with blank or indented lines between paragraphs (newswire), and a single line with
/// double spaces between paragraphs (scraped text). Each is detected from the text itself.
public enum Paragraphs {
  /// The paragraphs of `text`, each with its whitespace collapsed, empty ones removed.
  public static func split(_ text: String) -> [String] {
    let lines = PlainTextReader.splitLines(text)
    if lines.count == 1 {
      return splitOnDoubleSpaces(lines[0])
    }
    if isHardWrapped(lines) {
      return joinWrapped(lines)
    }
    return lines.map(PlainTextReader.collapseSpaces).filter { !$0.isEmpty }
  }

  /// Most lines 40–80 characters long and none much longer: the text was wrapped by a tool.
  static func isHardWrapped(_ lines: [String]) -> Bool {
    let nonEmpty = lines.filter { !$0.trimmed.isEmpty }
    guard nonEmpty.count >= 4 else { return false }
    let lengths = nonEmpty.map(characterCount)
    let wrappedLike = lengths.filter { (40...80).contains($0) }.count
    let longest = lengths.max() ?? 0
    return longest <= 100 && Double(wrappedLike) >= 0.6 * Double(nonEmpty.count)
  }

  /// How many characters a line has: its byte count when it is ASCII without a carriage
  /// return (then every byte is a character), without walking grapheme clusters.
  static func characterCount(_ line: String) -> Int {
    let utf8 = line.utf8
    func plain(_ b: UInt8) -> Bool { b < 0x80 && b != 0x0D }
    let ascii = utf8.withContiguousStorageIfAvailable { $0.allSatisfy(plain) } ?? utf8.allSatisfy(plain)
    return ascii ? utf8.count : line.count
  }

  /// Joins wrapped lines; a blank line or an indented line starts a new paragraph.
  static func joinWrapped(_ lines: [String]) -> [String] {
    var paragraphs: [String] = []
    var current: [String] = []
    func flush() {
      let joined = PlainTextReader.collapseSpaces(current.joined(separator: " "))
      if !joined.isEmpty { paragraphs.append(joined) }
      current.removeAll()
    }
    for line in lines {
      if line.trimmed.isEmpty {
        flush()
        continue
      }
      if line.hasPrefix("  ") || line.hasPrefix("\t") { flush() }
      current.append(line)
    }
    flush()
    return paragraphs
  }

  /// A single long line: runs of two or more spaces separate paragraphs.
  static func splitOnDoubleSpaces(_ line: String) -> [String] {
    var paragraphs: [String] = []
    let bytes = Array(line.utf8)
    var start = 0
    var i = 0
    while i < bytes.count {
      if bytes[i] == 0x20 && i + 1 < bytes.count && bytes[i + 1] == 0x20 {
        paragraphs.append(String(decoding: bytes[start..<i], as: UTF8.self))
        while i < bytes.count && bytes[i] == 0x20 { i += 1 }
        start = i
      } else {
        i += 1
      }
    }
    paragraphs.append(String(decoding: bytes[start..<bytes.count], as: UTF8.self))
    return paragraphs.map(PlainTextReader.collapseSpaces).filter { !$0.isEmpty }
  }
}
