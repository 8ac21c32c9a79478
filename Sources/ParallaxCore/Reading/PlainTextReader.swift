import Foundation

/// Reads a plain-text article: the first non-empty line is the title, the rest the body.
///
/// Page furniture is dropped, attribution lines move to ``Article/attributions``, a line
/// repeating the title is dropped, and each remaining non-empty line becomes a paragraph.
public enum PlainTextReader {
  /// Parses `text` into an article with the given id, or returns nil when it holds no text.
  public static func read(_ text: String, id: String) -> Article? {
    let lines = splitLines(text)
    guard let titleIndex = lines.firstIndex(where: { !$0.trimmed.isEmpty })
    else { return nil }
    let title = collapseSpaces(lines[titleIndex])
    var article = Article(id: id, title: title, body: "")
    let rest = lines[(titleIndex + 1)...].joined(separator: "\n")
    article.body = cleanBody(Paragraphs.split(rest), title: title, attributions: &article.attributions)
    return article
  }

  /// Joins paragraphs into a body, moving furniture and attributions out.
  static func cleanBody(_ candidates: [String], title: String, attributions: inout [String]) -> String {
    let titleKey = matchKey(title)
    var paragraphs: [String] = []
    for text in candidates {
      switch PageFurniture.classify(text) {
      case .furniture: continue
      case .attribution: attributions.append(text)
      case .text:
        if abs(text.utf8.count - title.utf8.count) < 8 && matchKey(text) == titleKey { continue }
        paragraphs.append(text)
      }
    }
    return paragraphs.joined(separator: "\n\n")
  }

  /// Splits on LF, CRLF and CR.
  static func splitLines(_ text: String) -> [String] {
    var lines: [String] = []
    var utf8 = Array(text.utf8)
    if !utf8.contains(0x0A) && !utf8.contains(0x0D) { return [text] }
    utf8.append(0x0A)
    var start = 0
    var i = 0
    while i < utf8.count {
      let b = utf8[i]
      if b == 0x0A || b == 0x0D {
        if i < utf8.count - 1 || start < i { lines.append(String(decoding: utf8[start..<i], as: UTF8.self)) }
        if b == 0x0D && i + 1 < utf8.count && utf8[i + 1] == 0x0A { i += 1 }
        start = i + 1
      }
      i += 1
    }
    return lines
  }

  /// Trims and collapses internal whitespace runs (keeping the characters themselves).
  static func collapseSpaces(_ line: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(line.utf8.count)
    var pending = false
    for scalar in line.unicodeScalars {
      if TextNormalizer.isSpace(scalar) || scalar == "\n" || scalar == "\r" {
        pending = !out.isEmpty
        continue
      }
      if pending { out.append(0x20) }
      pending = false
      if scalar.value < 0x80 {
        out.append(UInt8(scalar.value))
      } else {
        out.append(contentsOf: UTF8.encode(scalar)!)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// A comparison key that ignores case, quotes, dashes and spacing.
  static func matchKey(_ line: String) -> String {
    TextNormalizer.normalize(line).lowercased()
  }
}
