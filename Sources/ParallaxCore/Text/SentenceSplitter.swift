/// Splits a paragraph into sentences for alignment and evidence.
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets after it)
/// when whitespace follows, unless the word before the full stop is a known abbreviation or
/// a single capital letter (an initial). Works on UTF-8 bytes.
public enum SentenceSplitter {
  /// The sentences of `paragraph`, trimmed, in order.
  /// - Complexity: O(n).
  public static func sentences(in paragraph: String) -> [String] {
    let bytes = Array(paragraph.utf8)
    var result: [String] = []
    var start = 0
    var wordStart = 0
    var i = 0
    func emit(_ end: Int) {
      let text = String(decoding: bytes[start..<end], as: UTF8.self).trimmed
      if !text.isEmpty { result.append(text) }
      start = end
    }
    while i < bytes.count {
      let b = bytes[i]
      let ellipsis = b == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xA6
      if b == 0x2E || b == 0x21 || b == 0x3F || ellipsis {
        var j = i + (ellipsis ? 3 : 1)
        while let width = closerWidth(bytes, j) { j += width }
        let atSpace = j == bytes.count || bytes[j] == 0x20 || bytes[j] == 0x0A || bytes[j] == 0x09
        var abbreviated = false
        if b == 0x2E {
          let word = String(decoding: bytes[wordStart..<i], as: UTF8.self)
          abbreviated =
            Tokenizer.abbreviations.contains(word.lowercased())
            || (word.utf8.count == 1 && word.utf8.first! >= 65 && word.utf8.first! <= 90)
        }
        if atSpace && !abbreviated { emit(j) }
        i = j
        wordStart = i
        continue
      }
      let isWordByte = b >= 0x80 || (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
      if !isWordByte { wordStart = i + 1 }
      i += 1
    }
    if start < bytes.count { emit(bytes.count) }
    return result
  }

  /// The byte width of a closing quote or bracket at `i`, or nil.
  static func closerWidth(_ bytes: [UInt8], _ i: Int) -> Int? {
    guard i < bytes.count else { return nil }
    switch bytes[i] {
    case 0x22, 0x27, 0x29, 0x5D: return 1
    case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x9D || bytes[i + 2] == 0x99):
      return 3
    case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0xBB: return 2
    default: return nil
    }
  }
}
