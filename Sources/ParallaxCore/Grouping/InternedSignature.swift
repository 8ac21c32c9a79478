/// An ``ArticleSignature`` with its terms replaced by ids into a vocabulary: what the
/// store keeps per article so that regrouping never reads or tokenises article text again.
public struct InternedSignature: Sendable, Hashable {
  /// Term ids of the lead, parallel to `counts`.
  public var termIDs: [Int32]
  /// How often each term occurs in the lead.
  public var counts: [Int32]
  /// Ids of the name and number terms.
  public var entities: [Int32]
  /// Ids of the number terms.
  public var numbers: [Int32]
  /// Number contexts, hashed (vocabulary-free already).
  public var contexts: [NumberContext]
  /// Days of the week the lead names, one bit each.
  public var weekdays: UInt8 = 0
  /// Ids of the lead's terms (``ArticleSignature/leadTerms``).
  public var leadTerms: [Int32] = []

  public init(
    termIDs: [Int32], counts: [Int32], entities: [Int32], numbers: [Int32], contexts: [NumberContext],
    weekdays: UInt8 = 0, leadTerms: [Int32] = []
  ) {
    self.leadTerms = leadTerms
    self.termIDs = termIDs
    self.counts = counts
    self.entities = entities
    self.numbers = numbers
    self.contexts = contexts
    self.weekdays = weekdays
  }

  /// Interns `signature`'s terms with `intern`, which returns the id of a term text.
  public init(_ signature: ArticleSignature, intern: (String) -> Int32) {
    let rows = signature.termCounts.sorted { $0.key < $1.key }
    termIDs = rows.map { intern($0.key) }
    counts = rows.map { Int32(clamping: $0.value) }
    entities = signature.entityKeys.sorted().map(intern)
    numbers = signature.numbers.keys.sorted().map(intern)
    contexts = signature.numberContexts
    weekdays = signature.weekdays
    leadTerms = Set(signature.leadTerms.map(intern)).sorted()
  }

}
