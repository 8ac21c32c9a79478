/// Word-level diff of two aligned passages.
///
/// Words (runs of non-space characters; in scripts written without spaces, such as Chinese
/// and Japanese, each character, so that a change is shown as the characters it touches and
/// never as a whole clause) are interned to integers by a comparison key that
/// ignores case, quote style, dashes and punctuation at the word's edges; the standard
/// library's Myers `difference(from:)` then runs on the integer arrays. Work is capped: past
/// `maxWords` on either side the passages are reported as wholly deleted and inserted.
public enum WordDiff {
  /// Above this many words on a side, no word diff is attempted.
  public static let maxWords = 4000

  /// Spans for the left (equal/delete) and right (equal/insert) passage.
  /// - Complexity: O((n + m) × d) where d is the number of differing words.
  public static func diff(_ left: String, _ right: String) -> (left: [WordSpan], right: [WordSpan]) {
    let (a, attachedA) = wordsKeepingParagraphs(left)
    let (b, attachedB) = wordsKeepingParagraphs(right)
    if a.count > maxWords || b.count > maxWords {
      return (merge(a.map { ($0, .delete) }, attachedA), merge(b.map { ($0, .insert) }, attachedB))
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
    let leftSpans = merge(a.enumerated().map { ($1, deleted.contains($0) ? .delete : .equal) }, attachedA)
    let rightSpans = merge(b.enumerated().map { ($1, inserted.contains($0) ? .insert : .equal) }, attachedB)
    return (leftSpans, rightSpans)
  }

  /// Paragraph break token: kept in spans so that a row joining paragraphs shows them apart.
  public static let paragraphBreak = "\n\n"

  /// The words of `text`, with ``paragraphBreak`` between paragraphs (blank-line separated),
  /// and for each whether it follows the one before without a space.
  static func wordsKeepingParagraphs(_ text: String) -> (words: [String], attached: [Bool]) {
    guard text.contains("\n\n") else { return words(text) }
    var out: [String] = []
    var attached: [Bool] = []
    for paragraph in text.components(separatedBy: "\n\n") where !paragraph.isEmpty {
      if !out.isEmpty {
        out.append(paragraphBreak)
        attached.append(false)
      }
      let (w, a) = words(paragraph)
      out += w
      attached += a
    }
    return (out, attached)
  }

  /// The words of `text`: maximal runs of non-whitespace, each character of a script written
  /// without spaces (``UnspacedScript``) a word of its own, attached to its neighbours.
  static func words(_ text: String) -> (words: [String], attached: [Bool]) {
    var result: [String] = []
    var attached: [Bool] = []
    let bytes = Array(text.utf8)
    var start = -1
    var afterSpace = true
    func cut(_ end: Int) {
      guard start >= 0, end > start else { return }
      result.append(String(decoding: bytes[start..<end], as: UTF8.self))
      attached.append(!afterSpace)
      afterSpace = false
      start = -1
    }
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
        cut(i)
        afterSpace = true
        i += 1
        continue
      }
      if b >= 0xE0 {
        let (scalar, width) = Tokenizer.decode(bytes, at: i)
        if UnspacedScript.contains(scalar.value) {
          cut(i)
          start = i
          cut(i + width)
          i += width
          continue
        }
        if start < 0 { start = i }
        i += width
        continue
      }
      if start < 0 { start = i }
      i += 1
    }
    cut(bytes.count)
    return (result, attached)
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

  /// Words joined with single spaces, none before an attached one.
  static func joined(_ split: (words: [String], attached: [Bool])) -> String {
    var out = ""
    for (k, word) in split.words.enumerated() {
      if k > 0 && !split.attached[k] { out += " " }
      out += word
    }
    return out
  }

  /// Joins consecutive words with the same operation into one span (with a space unless the
  /// word is `attached` to the one before); a span that starts attached says so.
  static func merge(_ items: [(String, WordSpan.Operation)], _ attached: [Bool]) -> [WordSpan] {
    var spans: [WordSpan] = []
    for (k, (word, op)) in items.enumerated() {
      let glued = k < attached.count && attached[k] && k > 0
      if let last = spans.last, last.op == op {
        spans[spans.count - 1].text += (glued ? "" : " ") + word
      } else {
        var span = WordSpan(text: word, op: op)
        if glued { span.attached = true }
        spans.append(span)
      }
    }
    return spans
  }
}
