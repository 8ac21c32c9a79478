/// Scores how likely two articles are rewrites of one story.
///
/// `score = cosine × (0.5 + 0.5 × entityOverlap) × numberAgreement × contextAgreement`, where
/// - `cosine` is the TF-IDF cosine of the two leads (content words, names, numbers);
/// - `entityOverlap` is the IDF mass of shared names and numbers over the smaller side's mass
///   (rewrites keep who and how many; a different event of the same kind does not);
/// - `numberAgreement` is 1 unless both sides have at least three numbers, when it falls with
///   the share of the smaller set found in the other (`min(1, 0.25 + 1.5 × share)`);
/// - `contextAgreement` is the share of wording contexts common to both ("at about … head
///   versus", "there were … grain ships") whose numbers agree, that is one side's numbers
///   there are a subset of the other's (1 when no context is common).
///   A rewrite keeps its facts; a weekly template report keeps the wording and changes the
///   figures, so this keeps "seven grain ships loading" apart from "three grain ships loading".
public struct PairScorer: Sendable {
  /// The parts of a pair score, for explanations.
  public struct Breakdown: Sendable, Hashable, Codable {
    public var cosine: Double
    public var entityOverlap: Double
    public var numberAgreement: Double
    public var contextAgreement: Double
    /// 1, or the weekday factor when both leads name days of the week and share none.
    public var whenAgreement: Double
    public var score: Double
    /// Rare names both carry (``GroupingParameters/rareNameShare``): evidence of one case.
    public var rareNames = 0
    /// Rare names both leads carry (title and first words): whom both reports are about.
    public var leadRareNames = 0
    /// The share of content words both leads carry (``PairScorer/leadWordOverlap(_:_:)``):
    /// what matter both tell of.
    public var leadWords = 0.0

    /// Most wording contexts the two share give different numbers: never the same story.
    public var isConflict: Bool { contextAgreement < Self.conflictBelow }

    /// The context agreement under which a pair is a conflict.
    static let conflictBelow = 0.5
  }

  let space: FeatureSpace
  let parameters: GroupingParameters
  let entityMass: [Double]
  /// Each article's rare names (not numbers), and those of them its lead carries, sorted.
  let rare: [[Int32]]
  let rareInLead: [[Int32]]
  /// Each article's lead's IDF mass.
  private let leadMass: [Double]
  /// Each article's lead's distinct content words (terms that are not names or numbers), sorted.
  let leadWords: [[Int32]]

  /// A scorer over `space`, whose weights come from a collection of `articles` (the space's
  /// own articles unless given).
  public init(space: FeatureSpace, parameters: GroupingParameters, articles: Int? = nil) {
    self.space = space
    self.parameters = parameters
    let total = articles ?? space.count
    let floor = Int(Double(total) * parameters.rareNameShare) + parameters.rareNameFloor
    let rareWeight = FeatureSpace.idf(documentFrequency: floor, articles: total)
    // Per article, on all cores.
    let rows = GroupingEngine.concurrentMap(space.count) { i in
      let rare = space.entities[i].filter {
        space.idf[Int($0)] >= rareWeight && !SortedArrays.contains(space.numbers[i], $0)
      }
      return (
        entityMass: space.entities[i].reduce(0) { $0 + space.idf[Int($1)] }, rare: rare,
        rareInLead: SortedArrays.intersection(rare, space.leadTerms[i]),
        leadMass: space.leadTerms[i].reduce(0) { $0 + space.idf[Int($1)] },
        leadWords: SortedArrays.subtracting(space.leadTerms[i], space.entities[i])
      )
    }
    entityMass = rows.map(\.entityMass)
    rare = rows.map(\.rare)
    rareInLead = rows.map(\.rareInLead)
    leadMass = rows.map(\.leadMass)
    leadWords = rows.map(\.leadWords)
  }

  /// How many rare names (not numbers) both leads of `a` and `b` carry.
  func leadRareNames(_ a: Int, _ b: Int) -> Int { Self.sharedCount(rareInLead[a], rareInLead[b]) }

  /// The IDF mass of the terms both leads carry over the smaller lead's mass: whether both
  /// tell the same news first (measured, not used by the engine: paraphrases share little of
  /// their lead; `parallax-bench pairs --edges` writes it).
  public func leadOverlap(_ a: Int, _ b: Int) -> Double {
    let smaller = min(leadMass[a], leadMass[b])
    return smaller > 0 ? min(1, Self.sharedMass(space.leadTerms[a], space.leadTerms[b], idf: space.idf) / smaller) : 0
  }

  /// The share of the content words (stems, not names or numbers) of the lead with fewer
  /// that the other lead carries too: whether both tell of the same matter, beyond whom they
  /// name (two stories about one person share the name, not the words of the matter).
  /// Counted, not weighted, so that it is the same whenever the pair is scored.
  public func leadWordOverlap(_ a: Int, _ b: Int) -> Double {
    let smaller = min(leadWords[a].count, leadWords[b].count)
    return smaller > 0 ? Double(Self.sharedCount(leadWords[a], leadWords[b])) / Double(smaller) : 0
  }

  /// How many rare names (not numbers) `a` and `b` share.
  func rareNames(_ a: Int, _ b: Int) -> Int { Self.sharedCount(rare[a], rare[b]) }

  /// The score of articles `a` and `b` with its parts.
  public func breakdown(_ a: Int, _ b: Int) -> Breakdown {
    breakdown(a, b, cosine: space.vectors[a].dot(space.vectors[b]))
  }

  /// The score of articles `a` and `b` (`a` scattered into `scattered`) when the pair is
  /// worth keeping: it scores at least ``GroupingParameters/minEdgeScore`` or is a conflict.
  /// Every factor but the cosine is at most 1, so a pair whose cosine is below the bound only
  /// needs its contexts compared (whether it is a conflict).
  func keptBreakdown(_ a: Int, _ b: Int, scattered: ScatteredArticle) -> Breakdown? {
    let cosine = space.vectors[b].dot(scattered: scattered.weights)
    if cosine < parameters.minEdgeScore
      && Self.contextAgreement(space.numberContexts[a], space.numberContexts[b]) >= Breakdown.conflictBelow
    {
      return nil
    }
    let s = breakdown(a, b, cosine: cosine, overlaps: MarkedOverlaps(scorer: self, marks: scattered.marks))
    return s.score >= parameters.minEdgeScore || s.isConflict ? s : nil
  }

  private func breakdown(_ a: Int, _ b: Int, cosine: Double) -> Breakdown {
    breakdown(a, b, cosine: cosine, overlaps: MergedOverlaps(scorer: self))
  }

  /// The score with its parts, the sets' overlaps counted by `overlaps` (every way of
  /// counting gives the same numbers, sums in the same order).
  private func breakdown<O: PairOverlaps>(_ a: Int, _ b: Int, cosine: Double, overlaps: O) -> Breakdown {
    let shared = overlaps.entityMass(a, b)
    let smaller = min(entityMass[a], entityMass[b])
    let overlap = smaller > 0 ? min(1, shared / smaller) : 0
    var agreement = 1.0
    let fewer = min(space.numbers[a].count, space.numbers[b].count)
    if fewer >= parameters.minNumbersForConflict {
      let share = Double(overlaps.numbers(a, b)) / Double(fewer)
      agreement = min(1, 0.25 + 1.5 * share)
    }
    let context = Self.contextAgreement(space.numberContexts[a], space.numberContexts[b])
    let (da, db) = (space.weekdays[a], space.weekdays[b])
    let when = da != 0 && db != 0 && da & db == 0 ? parameters.weekdayConflict : 1
    let score = cosine * (0.5 + 0.5 * overlap) * agreement * context * when
    // Names are counted for pairs worth keeping only (most candidates are not).
    let kept = score >= parameters.minEdgeScore
    var words = 0.0
    if kept {
      let fewerWords = min(leadWords[a].count, leadWords[b].count)
      words = fewerWords > 0 ? Double(overlaps.leadWords(a, b)) / Double(fewerWords) : 0
    }
    return Breakdown(
      cosine: cosine, entityOverlap: overlap, numberAgreement: agreement, contextAgreement: context,
      whenAgreement: when, score: score, rareNames: kept ? overlaps.rareNames(a, b) : 0,
      leadRareNames: kept ? overlaps.leadRareNames(a, b) : 0, leadWords: words)
  }

  /// The summed weight of the ids two sorted arrays share, in increasing id order.
  static func sharedMass(_ a: [Int32], _ b: [Int32], idf: [Double]) -> Double {
    var sum = 0.0
    SortedArrays.forEachShared(a, b) { i, _ in sum += idf[Int(a[i])] }
    return sum
  }

  /// How many ids two sorted arrays share.
  static func sharedCount(_ a: [Int32], _ b: [Int32]) -> Int {
    var count = 0
    SortedArrays.forEachShared(a, b) { _, _ in count += 1 }
    return count
  }

  /// The pair score alone.
  public func score(_ a: Int, _ b: Int) -> Double { breakdown(a, b).score }

  /// Share of common number contexts that hold the same numbers; 1 when none are common.
  static func contextAgreement(_ a: [NumberContext], _ b: [NumberContext]) -> Double {
    var i = 0
    var j = 0
    var shared = 0
    var agree = 0
    while i < a.count && j < b.count {
      if a[i].context == b[j].context {
        shared += 1
        if isSubset(a[i].numbers, b[j].numbers) || isSubset(b[j].numbers, a[i].numbers) { agree += 1 }
        i += 1
        j += 1
      } else if a[i].context < b[j].context {
        i += 1
      } else {
        j += 1
      }
    }
    return shared == 0 ? 1 : Double(agree) / Double(shared)
  }

  /// Whether sorted `a` is a subset of sorted `b`.
  static func isSubset(_ a: [UInt64], _ b: [UInt64]) -> Bool {
    var j = 0
    for x in a {
      while j < b.count && b[j] < x { j += 1 }
      if j == b.count || b[j] != x { return false }
      j += 1
    }
    return true
  }
}
