import Foundation

/// Derives a headline for an article that came without one.
///
/// A short first paragraph that does not end like a sentence is taken as the headline (and
/// removed from the body); otherwise the first sentence, shortened at a word boundary.
enum TitleDeriver {
  static let maxTitleLength = 100

  static func derive(from paragraphs: inout [String]) -> String? {
    while let first = paragraphs.first, looksLikeURL(first) {
      paragraphs.removeFirst()
    }
    guard let first = paragraphs.first else { return nil }
    if first.count <= 120, let last = first.last, !".!?:;,".contains(last) {
      paragraphs.removeFirst()
      return first
    }
    let sentence = SentenceSplitter.sentences(in: first).first ?? first
    return shorten(sentence, to: maxTitleLength)
  }

  static func looksLikeURL(_ text: String) -> Bool {
    let compact = String(text.prefix(12)).replacingOccurrences(of: " ", with: "")
    return compact.hasPrefix("http:") || compact.hasPrefix("https:") || compact.hasPrefix("www.")
  }

  /// Cuts `text` at the last word boundary before `limit` characters and adds an ellipsis.
  static func shorten(_ text: String, to limit: Int) -> String {
    guard text.count > limit else { return text }
    let prefix = text.prefix(limit)
    let cut = prefix.lastIndex(of: " ") ?? prefix.endIndex
    return String(prefix[..<cut]) + "…"
  }
}
