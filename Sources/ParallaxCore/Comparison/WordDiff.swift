/// Word-level diff of two aligned passages.
///
/// Words (runs of non-space characters) are interned to integers by a comparison key that
/// ignores case, quote style, dashes and punctuation at the word's edges; the standard
/// library's Myers `difference(from:)` then runs on the integer arrays. Work is capped: past
/// `maxWords` on either side the passages are reported as wholly deleted and inserted.
public enum WordDiff {
  /// Above this many words on a side, no word diff is attempted.
  public static let maxWords = 4000

  /// Spans for the left (equal/delete) and right (equal/insert) passage.
  /// - Complexity: O((n + m) × d) where d is the number of differing words.
  public static func diff(_ left: String, _ right: String) -> (left: [WordSpan], right: [WordSpan]) {
    let a = wordsKeepingParagraphs(left)
    let b = wordsKeepingParagraphs(right)
    if a.count > maxWords || b.count > maxWords {
      return (merge(a.map { ($0, .delete) }), merge(b.map { ($0, .insert) }))
    }
    var ids: [String: Int] = [:]
    func intern(_ w: String) -> Int {
      let key = comparisonKey(w)
      if let id = ids[key] { return id }
      ids[key] = ids.count
      return ids.count - 1
    }
    let ia = a.map(intern)
    let ib = b.map(intern)
    var deleted = Set<Int>()
    var inserted = Set<Int>()
    for change in ib.difference(from: ia) {
      switch change {
      case .remove(let offset, _, _): deleted.insert(offset)
      case .insert(let offset, _, _): inserted.insert(offset)
      }
    }
    let leftSpans = merge(a.enumerated().map { ($1, deleted.contains($0) ? .delete : .equal) })
    let rightSpans = merge(b.enumerated().map { ($1, inserted.contains($0) ? .insert : .equal) })
    return (leftSpans, rightSpans)
  }

  /// Paragraph break token: kept in spans so that a row joining paragraphs shows them apart.
  public static let paragraphBreak = "\n\n"

  /// The words of `text`, with ``paragraphBreak`` between paragraphs (blank-line separated).
  static func wordsKeepingParagraphs(_ text: String) -> [String] {
    guard text.contains("\n\n") else { return words(text) }
    var out: [String] = []
    for paragraph in text.components(separatedBy: "\n\n") where !paragraph.isEmpty {
      if !out.isEmpty { out.append(paragraphBreak) }
      out += words(paragraph)
    }
    return out
  }

  /// The words of `text`: maximal runs of non-whitespace.
  static func words(_ text: String) -> [String] {
    var result: [String] = []
    let bytes = Array(text.utf8)
    var start = -1
    for (i, b) in bytes.enumerated() {
      let space = b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D
      if space {
        if start >= 0 { result.append(String(decoding: bytes[start..<i], as: UTF8.self)) }
        start = -1
      } else if start < 0 {
        start = i
      }
    }
    if start >= 0 { result.append(String(decoding: bytes[start...], as: UTF8.self)) }
    return result
  }

  /// Case-, quote- and edge-punctuation-insensitive key of a word.
  static func comparisonKey(_ word: String) -> String {
    let folded: String
    if word.utf8.allSatisfy({ $0 < 0x80 }) {
      // ASCII: lower-case and drop edge punctuation in one pass over the bytes.
      var bytes = Array(word.utf8)
      var start = 0
      var end = bytes.count
      while start < end && asciiEdge.contains(bytes[start]) { start += 1 }
      while end > start && asciiEdge.contains(bytes[end - 1]) { end -= 1 }
      if start == end { return word }
      for k in start..<end where bytes[k] >= 65 && bytes[k] <= 90 { bytes[k] += 32 }
      return String(decoding: bytes[start..<end], as: UTF8.self)
    } else {
      folded = TextNormalizer.normalize(word).lowercased()
    }
    let stripped = folded.trimmed(of: edgePunctuation)
    return stripped.isEmpty ? folded : stripped
  }

  static let asciiEdge: Set<UInt8> = Set("\"',.;:!?()[]-".utf8)

  static let edgePunctuation: Set<Unicode.Scalar> = [
    "\"", "'", ",", ".", ";", ":", "!", "?", "(", ")", "[", "]", "-", "\u{2026}",
  ]

  /// Joins consecutive words with the same operation into one span.
  static func merge(_ items: [(String, WordSpan.Operation)]) -> [WordSpan] {
    var spans: [WordSpan] = []
    for (word, op) in items {
      if let last = spans.last, last.op == op {
        spans[spans.count - 1].text += " " + word
      } else {
        spans.append(WordSpan(text: word, op: op))
      }
    }
    return spans
  }
}
