/// One version's paragraphs prepared once for comparison: normalised, tokenised and split
/// into sentences, so the aligner and the fact extractor do not repeat the work.
public struct PreparedText: Sendable {
  /// Paragraphs as written.
  public let raw: [String]
  /// Paragraphs normalised for matching (``TextNormalizer``).
  public let normalized: [String]
  /// Tokens of each normalised paragraph.
  public let tokens: [[Token]]
  /// Sentences of each normalised paragraph.
  public let sentences: [[String]]

  /// Prepares `paragraphs`.
  /// - Complexity: O(n) in the text length.
  public init(paragraphs: [String]) {
    raw = paragraphs
    normalized = paragraphs.map(TextNormalizer.normalize)
    tokens = normalized.map { Tokenizer.tokenize($0) }
    sentences = normalized.map(SentenceSplitter.sentences(in:))
  }
}
