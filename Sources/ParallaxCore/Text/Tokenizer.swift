import Foundation

/// Splits normalised text into word and number tokens.
///
/// Letters (any script) and digits form tokens; everything else separates them. A `,`, `.`
/// or `/` between digits stays inside a number ("1,000", "2.1", "3/16"). A number followed
/// directly by letters is split ("1,000km" gives "1,000" and "km"). Sentence ends (`.`, `!`,
/// `?`, line breaks) are tracked so that capitalised sentence openers are not mistaken for
/// names. Runs of scripts written without spaces (Han, kana, Hangul, Thai) become
/// overlapping pairs of characters (``UnspacedScript``), and a run ends where the script
/// changes ("iPhone手机" gives "iphone" and "手机"). Works on UTF-8 bytes with an ASCII fast
/// path.
public enum Tokenizer {
  /// The tokens of `text`, at most `limit` of them.
  /// - Complexity: O(n) in the length of `text`.
  public static func tokenize(_ text: String, limit: Int = .max) -> [Token] {
    var utf8 = Array(text.utf8)
    utf8.append(0x20)
    var tokens: [Token] = []
    var start = -1
    var isNumber = false
    var sentenceStart = true
    var sentence = 0
    var pendingBoundary = false
    // The first byte of each scalar of the current unspaced run.
    var unspaced: [Int] = []

    func flush(_ end: Int) {
      if !unspaced.isEmpty {
        let run = unspaced
        unspaced.removeAll(keepingCapacity: true)
        for segment in UnspacedScript.segments(starts: run, end: end) where tokens.count < limit {
          append(segment, isNumber: false)
        }
        return
      }
      guard start >= 0 else { return }
      let range = start..<end
      start = -1
      append(range, isNumber: isNumber)
    }

    func append(_ range: Range<Int>, isNumber: Bool) {
      let bytes = utf8[range]
      let original = String(decoding: bytes, as: UTF8.self)
      let ascii = bytes.allSatisfy { $0 < 0x80 }
      let lowered: String
      var isCapitalized = false
      var isAllCaps = false
      if isNumber {
        lowered = bytes.contains(0x2C) ? String(decoding: bytes.filter { $0 != 0x2C }, as: UTF8.self) : original
      } else if ascii {
        lowered = String(unsafeUninitializedCapacity: bytes.count) { buffer in
          for (k, b) in bytes.enumerated() { buffer[k] = (b >= 65 && b <= 90) ? b + 32 : b }
          return bytes.count
        }
        isCapitalized = bytes.first! >= 65 && bytes.first! <= 90
        isAllCaps = isCapitalized && !bytes.contains { $0 >= 97 && $0 <= 122 }
      } else {
        lowered = original.lowercased()
        isCapitalized = isUpper(original.unicodeScalars.first!)
        isAllCaps = isCapitalized && !original.unicodeScalars.contains { $0.properties.isLowercase }
      }
      if pendingBoundary {
        sentence += tokens.isEmpty ? 0 : 1
        pendingBoundary = false
      }
      tokens.append(
        Token(
          text: lowered, original: original, isNumber: isNumber, isCapitalized: isCapitalized,
          isAllCaps: isAllCaps, startsSentence: sentenceStart, sentence: sentence))
      sentenceStart = false
    }

    var i = 0
    while i < utf8.count - 1 && tokens.count < limit {
      let b = utf8[i]
      var width = 1
      let isDigit = b >= 48 && b <= 57
      var isLetter = (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
      var scalar = Unicode.Scalar(b)
      if b >= 0x80 {
        (scalar, width) = decode(utf8, at: i)
        if UnspacedScript.contains(scalar.value) {
          if start >= 0 { flush(i) }
          unspaced.append(i)
          i += width
          continue
        }
        isLetter = isWordScalar(scalar)
      }
      if !unspaced.isEmpty { flush(i) }
      if isDigit {
        // Digits after a letter of another script start a number ("و1000": "and 1000");
        // after a Latin letter they stay in the word ("G7", "F16").
        if start >= 0 && !isNumber && utf8[i - 1] >= 0x80 { flush(i) }
        if start < 0 {
          start = i
          isNumber = true
        }
      } else if isLetter {
        if start >= 0 && isNumber { flush(i) }
        if start < 0 {
          start = i
          isNumber = false
        }
      } else if (b == 0x2C || b == 0x2E || b == 0x2F) && start >= 0 && isNumber && utf8[i + 1] >= 48
        && utf8[i + 1] <= 57
      {
        // Inside a number.
      } else {
        flush(i)
        if b == 0x2E || b == 0x21 || b == 0x3F || b == 0x0A
          || (b >= 0x80 && (scalar == "\u{2026}" || Self.sentenceEnds.contains(scalar)))
        {
          let next = utf8[i + 1]
          if b == 0x2E && next != 0x20 && next != 0x0A && next != 0x22 && next != 0x27 && next != 0x29 {
            // "U.S." or "example.com": not a sentence end.
          } else if b == 0x2E && endsWithAbbreviation(tokens) {
            // "Dr. Elena Petrova": not a sentence end.
          } else {
            sentenceStart = true
            pendingBoundary = true
          }
        }
      }
      i += width
    }
    if tokens.count < limit { flush(min(i, utf8.count - 1)) }
    return tokens
  }

  /// Sentence ends beyond ASCII's: the ideographic full stop, the Arabic question mark and
  /// full stop, the Devanagari danda.
  static let sentenceEnds: Set<Unicode.Scalar> = ["\u{3002}", "\u{061F}", "\u{06D4}", "\u{0964}", "\u{0965}"]

  /// Decodes the scalar starting at byte `i` (invalid sequences decode as U+FFFD, width 1).
  static func decode(_ utf8: [UInt8], at i: Int) -> (Unicode.Scalar, Int) {
    let b = utf8[i]
    let width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
    guard width > 1, i + width <= utf8.count else { return ("\u{FFFD}", 1) }
    var value = UInt32(b) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
    for k in 1..<width { value = value << 6 | (UInt32(utf8[i + k]) & 0x3F) }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
  }

  /// Letters and combining marks of any script.
  static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
    if s.value < 0x80 {
      return (s.value >= 65 && s.value <= 90) || (s.value >= 97 && s.value <= 122)
    }
    let p = s.properties
    return p.isAlphabetic || p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark
  }

  /// Upper-case letter (ASCII fast path).
  static func isUpper(_ s: Unicode.Scalar) -> Bool {
    if s.value < 0x80 { return s.value >= 65 && s.value <= 90 }
    return s.properties.isUppercase
  }

  static let abbreviations: Set<String> = [
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "st", "jr",
    "sr", "inc", "corp", "co", "ltd", "vs", "no", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct",
    "nov", "dec", "u", "s", "d", "r", "calif", "ill", "mass", "fla", "pres", "rev", "mt", "ft",
  ]

  /// The length in bytes of the longest abbreviation: longer words need no lookup.
  static let longestAbbreviation = abbreviations.map(\.utf8.count).max() ?? 0

  /// Whether a lower-cased word is one of the ``abbreviations``.
  static func isAbbreviation(_ word: String) -> Bool {
    word.utf8.count <= longestAbbreviation && abbreviations.contains(word)
  }

  static func endsWithAbbreviation(_ tokens: [Token]) -> Bool {
    guard let last = tokens.last, !last.isNumber else { return false }
    return isAbbreviation(last.text) || (last.original.count == 1 && last.isCapitalized)
  }
}
