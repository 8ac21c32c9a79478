/// One row of a side-by-side comparison: paragraphs of the left version, of the right, or both.
public struct ComparisonRow: Sendable, Hashable, Codable {
  /// What the row shows.
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The same paragraph on both sides (after normalising quotes, dashes and spacing).
    case same
    /// Counterparts with different wording.
    case changed
    /// Counterparts that appear in a different order in the two versions (possibly reworded).
    case moved
    /// A paragraph only the left version has.
    case leftOnly = "left-only"
    /// A paragraph only the right version has.
    case rightOnly = "right-only"
  }

  public var kind: Kind
  /// Indices of the left version's paragraphs in this row (empty for `right-only`).
  public var leftParagraphs: [Int]
  /// Indices of the right version's paragraphs in this row (empty for `left-only`).
  public var rightParagraphs: [Int]
  /// The left text (paragraphs joined by a blank line), or nil.
  public var left: String?
  /// The right text, or nil.
  public var right: String?
  /// Word-level spans of the left text: `equal` and `delete`.
  public var leftSpans: [WordSpan]
  /// Word-level spans of the right text: `equal` and `insert`.
  public var rightSpans: [WordSpan]
  /// Similarity of the two sides, 0–1 (1 for `same`, 0 for one-sided rows).
  public var score: Double
}

/// A run of words with one diff operation.
public struct WordSpan: Sendable, Hashable, Codable {
  /// The diff operation of a run of words.
  public enum Operation: String, Sendable, Hashable, Codable {
    case equal
    case delete
    case insert
  }

  /// The words, as written, separated by single spaces (none between characters of scripts
  /// written without spaces).
  public var text: String
  public var op: Operation
  /// True when the span follows the one before without a space (a change inside a run of
  /// Chinese or Japanese characters); absent otherwise.
  public var attached: Bool? = nil

  public init(text: String, op: Operation) {
    self.text = text
    self.op = op
  }
}
