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
    /// True when the other version has neither this quotation nor most of its words: a
    /// quote one version printed and the other never did (false: the other says the same
    /// thing without quoting it).
    public var absentFromOther: Bool
    /// True when no speaker is named in the quotation's sentence or paragraph (`"…," he
    /// said`; `"…," a spokesperson said`).
    public var unattributed: Bool

    public init(text: String, absentFromOther: Bool, unattributed: Bool) {
      self.text = text
      self.absentFromOther = absentFromOther
      self.unattributed = unattributed
    }

    /// The 0.1 name of ``absentFromOther``, still written to JSON for one release.
    @available(*, deprecated, renamed: "absentFromOther")
    public var unsourced: Bool { absentFromOther }

    enum CodingKeys: String, CodingKey {
      case text, absentFromOther, unattributed, unsourced
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      text = try c.decode(String.self, forKey: .text)
      absentFromOther =
        try c.decodeIfPresent(Bool.self, forKey: .absentFromOther) ?? c.decode(Bool.self, forKey: .unsourced)
      unattributed = try c.decodeIfPresent(Bool.self, forKey: .unattributed) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(text, forKey: .text)
      try c.encode(absentFromOther, forKey: .absentFromOther)
      try c.encode(unattributed, forKey: .unattributed)
      // Deprecated in 0.2 (the name read as "no attribution"); removed in the next release.
      try c.encode(absentFromOther, forKey: .unsourced)
    }
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
