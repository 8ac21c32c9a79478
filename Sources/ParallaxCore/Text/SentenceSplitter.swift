import Foundation

/// Splits a paragraph into sentences for alignment and evidence.
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets after it)
/// when whitespace follows, unless the word before the full stop is a known abbreviation or
/// a single capital letter (an initial).
public enum SentenceSplitter {
  /// The sentences of `paragraph`, trimmed, in order.
  /// - Complexity: O(n).
  public static func sentences(in paragraph: String) -> [String] {
    let scalars = Array(paragraph.unicodeScalars)
    var result: [String] = []
    var start = 0
    var wordStart = 0
    var i = 0
    func emit(_ end: Int) {
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[start..<end])
      let trimmed = String(view).trimmed
      if !trimmed.isEmpty { result.append(trimmed) }
      start = end
    }
    while i < scalars.count {
      let c = scalars[i]
      let isWord = Tokenizer.isWordScalar(c) || (c.value >= 48 && c.value <= 57)
      if !isWord && (c == "." || c == "!" || c == "?" || c == "…") {
        var j = i + 1
        while j < scalars.count && closers.contains(scalars[j]) { j += 1 }
        let atSpace = j == scalars.count || TextNormalizer.isSpace(scalars[j])
        var abbreviated = false
        if c == "." {
          var word = String.UnicodeScalarView()
          word.append(contentsOf: scalars[wordStart..<i])
          let w = String(word)
          abbreviated =
            Tokenizer.abbreviations.contains(w.lowercased()) || (word.count == 1 && Tokenizer.isUpper(word.first!))
        }
        if atSpace && !abbreviated { emit(j) }
        i = j
        wordStart = i
        continue
      }
      if !isWord { wordStart = i + 1 }
      i += 1
    }
    if start < scalars.count { emit(scalars.count) }
    return result
  }

  static let closers: Set<Unicode.Scalar> = ["\"", "'", "\u{201D}", "\u{2019}", ")", "]", "\u{00BB}"]
}
