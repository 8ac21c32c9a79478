import Foundation

/// A unit-length weighted bag of content-word stems (and numbers) for a short text such as
/// a sentence or a paragraph, used to decide whether two passages say the same thing.
public struct TermBag: Sendable, Hashable {
  /// The weights over ids from the vocabulary the bag was built with.
  public private(set) var vector: SparseVector

  /// Builds the bag of `text`, interning terms into `vocabulary`, with `weight(term)` (an
  /// IDF) as the term weight. Bags are comparable only when built with the same vocabulary.
  public init(_ text: String, vocabulary: inout [String: Int32], weight: (String) -> Double) {
    self.init(terms: Self.terms(of: text), vocabulary: &vocabulary, weight: weight)
  }

  /// Builds the bag of terms already extracted (see ``terms(of:)``).
  public init(terms: [String], vocabulary: inout [String: Int32], weight: (String) -> Double) {
    var counts: [Int32: Int] = [:]
    var weights: [Int32: Double] = [:]
    for term in terms {
      let id: Int32
      if let known = vocabulary[term] {
        id = known
      } else {
        id = Int32(vocabulary.count)
        vocabulary[term] = id
      }
      counts[id, default: 0] += 1
      if weights[id] == nil { weights[id] = weight(term) }
    }
    vector = SparseVector(counts.map { ($0.key, Float((1 + log(Double($0.value))) * weights[$0.key]!)) })
  }

  /// The matching terms of `text`: stems of content words, and numbers as `"#:1000"`.
  public static func terms(of text: String) -> [String] {
    terms(of: Tokenizer.tokenize(TextNormalizer.normalize(text)))
  }

  /// The matching terms of tokens.
  public static func terms(of tokens: [Token]) -> [String] {
    tokens.compactMap { token in
      if token.isNumber { return "#:" + token.text }
      return Stopwords.english.contains(token.text) ? nil : Stemmer.stem(token.text)
    }
  }

  /// Cosine similarity with a bag built with the same vocabulary.
  public func cosine(_ other: TermBag) -> Double { vector.dot(other.vector) }

  /// Whether the bag holds no content word.
  public var isEmpty: Bool { vector.ids.isEmpty }
}
