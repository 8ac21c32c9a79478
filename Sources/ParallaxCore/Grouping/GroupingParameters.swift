/// The frozen settings of rewrite grouping. See `docs/decisions.md` for how each was chosen.
public struct GroupingParameters: Sendable, Hashable, Codable {
  /// Articles are compared on their lead: the title and the first this-many tokens.
  /// Long originals (transcripts, live blogs) are summarised by rewrites from their start.
  public var leadTokens = 500
  /// Average-link threshold: two groups merge while their mean pair score is at least this.
  public var threshold = 0.2
  /// How many of an article's highest-weighted terms are indexed for candidate generation.
  public var indexedTermsPerArticle = 40
  /// Terms carried by more than this many articles are not indexed (they name a topic, not a story).
  public var maxPostings = 400
  /// A candidate pair must share at least this many indexed terms.
  public var minSharedIndexedTerms = 3
  /// Pair scores below this are dropped before clustering (counted as 0 in averages).
  public var minEdgeScore = 0.02
  /// Number sets are compared only when both articles have at least this many numbers.
  public var minNumbersForConflict = 2
  /// The factor on a pair whose leads both name days of the week and share none.
  public var weekdayConflict = 0.5

  public init() {}

  /// The defaults, frozen.
  public static let `default` = GroupingParameters()
}
