import Foundation

/// Turns HTML into article paragraphs: block elements become paragraph breaks, scripts,
/// styles and page chrome (nav, header, footer, aside, form) are dropped, entities decoded.
public enum HTMLText {
  static let dropped: Set<String> = [
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "svg", "button",
  ]
  static let blocks: Set<String> = [
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "section", "article", "tr", "pre",
    "figcaption", "hr", "ul", "ol", "table", "main",
  ]

  /// The text of `html`, paragraphs separated by blank lines.
  /// - Complexity: O(n), over UTF-8 bytes (tags and entities are ASCII).
  public static func text(_ html: String) -> String {
    var html = html
    let out = html.withUTF8 { bytes -> [UInt8] in scan(bytes) }
    return String(decoding: out, as: UTF8.self).components(separatedBy: "\n\n").map(PlainTextReader.collapseSpaces)
      .filter { !$0.isEmpty }.joined(separator: "\n\n")
  }

  private static func scan(_ html: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(html.count)
    var skipping: [String] = []
    let (lt, gt, amp, semicolon, slash) = (
      UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: ";"), UInt8(ascii: "/")
    )
    func find(_ byte: UInt8, from: Int, limit: Int = .max) -> Int? {
      var j = from
      let end = limit == .max ? html.count : min(html.count, from + limit)
      while j < end {
        if html[j] == byte { return j }
        j += 1
      }
      return nil
    }
    func starts(_ prefix: StaticString, at j: Int) -> Bool {
      let count = prefix.utf8CodeUnitCount
      guard j + count <= html.count else { return false }
      for k in 0..<count where html[j + k] != prefix.utf8Start[k] { return false }
      return true
    }
    var i = 0
    while i < html.count {
      let c = html[i]
      if c == lt {
        guard let close = find(gt, from: i + 1) else { break }
        if starts("!--", at: i + 1) {
          var j = i
          while j + 3 <= html.count && !starts("-->", at: j) { j += 1 }
          guard j + 3 <= html.count else { break }
          i = j + 3
          continue
        }
        var k = i + 1
        let isEnd = k < close && html[k] == slash
        while k < close && html[k] == slash { k += 1 }
        var name: [UInt8] = []
        while k < close, isNameByte(html[k]) {
          name.append(html[k] >= 65 && html[k] <= 90 ? html[k] + 32 : html[k])
          k += 1
        }
        let tag = String(decoding: name, as: UTF8.self)
        if dropped.contains(tag) {
          if isEnd {
            if let at = skipping.lastIndex(of: tag) { skipping.removeSubrange(at...) }
          } else if !(close > i + 1 && html[close - 1] == slash) {
            skipping.append(tag)
          }
        } else if blocks.contains(tag) && skipping.isEmpty {
          out.append(contentsOf: [0x0A, 0x0A])
        }
        i = close + 1
        continue
      }
      guard skipping.isEmpty else {
        i += 1
        continue
      }
      if c == amp, let semi = find(semicolon, from: i + 1, limit: 33),
        let decoded = decode(String(decoding: UnsafeBufferPointer(rebasing: html[(i + 1)..<semi]), as: UTF8.self))
      {
        out.append(contentsOf: decoded.utf8)
        i = semi + 1
        continue
      }
      if c < 0x80 {
        out.append((c >= 0x09 && c <= 0x0D) || c == 0x20 ? 0x20 : c)
        i += 1
        continue
      }
      // A multi-byte scalar: whitespace of any kind becomes a space, the rest is copied.
      let width = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1
      let end = min(html.count, i + width)
      var scalars = String(decoding: UnsafeBufferPointer(rebasing: html[i..<end]), as: UTF8.self).unicodeScalars
        .makeIterator()
      if let scalar = scalars.next(), scalar.properties.isWhitespace {
        out.append(0x20)
      } else {
        out.append(contentsOf: html[i..<end])
      }
      i = end
    }
    return out
  }

  /// Letters and digits of a tag name (bytes of non-ASCII letters count as letters).
  private static func isNameByte(_ b: UInt8) -> Bool {
    (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b >= 0x80
  }

  /// The text of a character reference's inside (`eacute`, `#233`, `#xE9`), or nil when it
  /// is none. Every HTML5 name is known (``namedReferences``); numbers 128–159 mean what
  /// windows-1252 gives them, as browsers decode them; a number that is no character, a
  /// surrogate or a control character (other than tab and line breaks) becomes U+FFFD.
  static func decode(_ entity: String) -> String? {
    if let named = namedReferences[entity] { return named }
    guard entity.hasPrefix("#") else { return nil }
    let hex = entity.hasPrefix("#x") || entity.hasPrefix("#X")
    let digits = entity.dropFirst(hex ? 2 : 1)
    guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && (hex ? $0.isHexDigit : $0.isNumber) }) else {
      return nil  // not a reference ("&#x;", "&#abc;"): left as written
    }
    guard let value = UInt32(digits, radix: hex ? 16 : 10) else { return "\u{FFFD}" }  // too large
    if (128...159).contains(value), let mapped = windows1252[Int(value - 128)] { return String(Character(mapped)) }
    guard let scalar = Unicode.Scalar(value), value != 0,
      value >= 0x20 || value == 0x09 || value == 0x0A || value == 0x0D, !(0x7F...0x9F).contains(value)
    else { return "\u{FFFD}" }
    return String(Character(scalar))
  }

  /// What windows-1252 gives bytes 0x80–0x9F (nil where it gives nothing).
  static let windows1252: [Unicode.Scalar?] = [
    "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
    "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
    nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
    "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
  ]
}
