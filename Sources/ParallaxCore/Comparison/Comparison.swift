/// The comparison of two versions of an article: aligned rows and what only one side has.
public struct Comparison: Sendable, Hashable, Codable {
  /// Which article is on each side.
  public struct Side: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var source: String?
  }

  public var leftArticle: Side
  public var rightArticle: Side
  /// Rows in reading order; see ``Comparator`` for the order rules.
  public var rows: [ComparisonRow]
  /// What the left version has and the right lacks.
  public var onlyLeft: Facts
  /// What the right version has and the left lacks.
  public var onlyRight: Facts

  /// Indices of rows that are not `same`, for jumping between differences.
  public var differenceRows: [Int] { rows.indices.filter { rows[$0].kind != .same } }

  enum CodingKeys: String, CodingKey {
    case leftArticle = "left"
    case rightArticle = "right"
    case rows, onlyLeft, onlyRight
  }
}

/// Reportable facts of one version that the other lacks.
public struct Facts: Sendable, Hashable, Codable {
  /// A quotation.
  public struct Quote: Sendable, Hashable, Codable {
    /// The quoted words, without the quote marks.
    public var text: String
    /// True when the other version has neither this quotation nor its words: a quote one
    /// version printed and the other never did.
    public var unsourced: Bool
  }

  /// A number with the words that give it meaning ("45 out of 71 drones", "1,000km").
  public struct Number: Sendable, Hashable, Codable {
    public var text: String
    /// The sentence it appears in.
    public var context: String
  }

  public var quotes: [Quote] = []
  public var numbers: [Number] = []
  /// People, places and organisations.
  public var names: [String] = []
  /// Source attributions ("told Reuters", "the dpa news agency reported", credit lines).
  public var attributions: [String] = []

  public init() {}

  /// Whether there is nothing to report.
  public var isEmpty: Bool { quotes.isEmpty && numbers.isEmpty && names.isEmpty && attributions.isEmpty }
}
