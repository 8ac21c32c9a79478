import Foundation
import Synchronization

/// Groups articles into stories in memory: rewrites, trims and paraphrases of one report
/// together, different events apart.
///
/// It runs the one pipeline, ``GroupingEngine``, over a ``MemoryGroupingStorage`` holding
/// the articles as one batch: the stories (ids, titles, members) are exactly those the store
/// gets for the same articles imported at once. It adds what only an explanation needs: each
/// member's mean score and, with `explain`, the evidence (shared names, numbers, aligned
/// sentences).
public struct StoryGrouper: Sendable {
  /// The settings in use.
  public var parameters: GroupingParameters

  public init(parameters: GroupingParameters = .default) {
    self.parameters = parameters
  }

  /// Counters from one run, for benchmarks.
  public struct Statistics: Sendable, Hashable {
    public var articles = 0
    public var candidatePairs = 0
    public var linkedPairs = 0
    /// Seconds spent computing signatures.
    public var signatureSeconds = 0.0
    /// Seconds spent finding candidate pairs.
    public var candidateSeconds = 0.0
    /// Seconds spent scoring candidate pairs.
    public var scoreSeconds = 0.0
    /// Seconds spent clustering.
    public var clusterSeconds = 0.0

    public init() {}
  }

  /// The stories of `articles`, largest first, then by id.
  /// - Parameter explain: whether to collect each member's evidence (names, numbers,
  ///   aligned sentences); scores are always computed.
  public func group(_ articles: [Article], explain: Bool = false) -> [Story] {
    var statistics = Statistics()
    return group(articles, explain: explain, statistics: &statistics)
  }

  /// The stories of `articles`, reporting counters in `statistics`.
  public func group(_ articles: [Article], explain: Bool = false, statistics: inout Statistics) -> [Story] {
    let (storage, signatures) = groupedStorage(articles, keepSignatures: explain, statistics: &statistics)
    let explainer: StoryExplainer? =
      explain
      ? StoryExplainer(
        scorer: PairScorer(space: FeatureSpace(signatures: signatures), parameters: parameters),
        signatures: signatures, parameters: parameters)
      : nil
    // Each story's members are scored against each other (and, with explanations, compared)
    // on all cores.
    let records = Array(storage.stories.values)
    var stories = GroupingEngine.concurrentMap(records.count) { i in
      story(records[i], articles: articles, storage: storage, explainer: explainer)
    }
    if explain { explainThreads(&stories, articles: articles, storage: storage) }
    stories.sort { $0.size != $1.size ? $0.size > $1.size : $0.id < $1.id }
    return stories
  }

  /// `articles` grouped as one batch in memory (article `i` is id `i`), with their text
  /// signatures when `keepSignatures` (explanations need them).
  public func groupedStorage(_ articles: [Article], keepSignatures: Bool = false) -> (
    MemoryGroupingStorage, [ArticleSignature]
  ) {
    var statistics = Statistics()
    return groupedStorage(articles, keepSignatures: keepSignatures, statistics: &statistics)
  }

  func groupedStorage(_ articles: [Article], keepSignatures: Bool, statistics: inout Statistics) -> (
    MemoryGroupingStorage, [ArticleSignature]
  ) {
    let start = Date()
    let leadTokens = parameters.leadTokens
    // Text signatures are kept only for explanations; the engine needs the hashed form.
    // So are the identity keys and digests, which would otherwise be computed one by one.
    // Once per distinct text: articles with one text share their signature.
    let computed = GroupingEngine.signedOncePerText(articles) {
      article -> (ArticleSignature?, HashedSignature, digest: UInt64) in
      let signature = ArticleSignature(article: article, leadTokens: leadTokens)
      let hashed = HashedSignature(signature)
      return (keepSignatures ? signature : nil, hashed, hashed.digest)
    }
    let keys = GroupingEngine.concurrentMap(articles.count) { articles[$0].identityKey }
    var storage = MemoryGroupingStorage(capacity: articles.count)
    for (i, article) in articles.enumerated() {
      storage.add(article, signature: computed[i].1, key: keys[i], digest: computed[i].digest)
    }
    statistics.signatureSeconds = Date().timeIntervalSince(start)
    // The memory storage never throws.
    let report = (try? GroupingEngine(parameters: parameters).groupPending(&storage)) ?? GroupingEngine.Report()
    statistics.articles = report.articles
    statistics.candidatePairs = report.candidatePairs
    statistics.linkedPairs = report.edges
    statistics.candidateSeconds = report.candidateSeconds
    statistics.scoreSeconds = report.scoreSeconds
    statistics.clusterSeconds = report.clusterSeconds
    return (storage, computed.compactMap(\.0))
  }

  /// A story for a record: members in the record's order (the first report first), each
  /// with its mean kept-pair score against the others (pairs not kept count 0, as in the
  /// clustering), and the evidence against the first report (for the first report, against
  /// the next member; for a story of one, against its best-scoring other article).
  func story(_ record: StoryRecord, articles: [Article], storage: MemoryGroupingStorage, explainer: StoryExplainer?)
    -> Story
  {
    let ids = record.members
    let sample = Array(ids.prefix(StoryExplainer.maxScoredMembers))
    let members = ids.map { id -> StoryMember in
      let others = sample.filter { $0 != id }
      let mean =
        others.isEmpty ? 1 : others.reduce(0.0) { $0 + (storage.score(id, $1)?.score ?? 0) } / Double(others.count)
      // Evidence only for explanations: a story of one's best partner is a search of its pairs.
      var evidence: MatchEvidence? = nil
      if let explainer {
        let other = ids.count == 1 ? storage.bestPartner(of: id) : id == ids[0] ? ids[1] : ids[0]
        evidence = other.map { o in
          var evidence = explainer.evidence(Int(id), Int(o), articles[Int(id)], articles[Int(o)])
          evidence.levels = levels(id, o, articles: articles, storage: storage)
          return evidence
        }
      }
      return StoryMember(articleID: articles[Int(id)].id, inputIndex: Int(id), score: mean, evidence: evidence)
    }
    return Story(id: record.id, title: record.title, members: members, thread: record.thread)
  }

  /// The two-level evidence of a kept pair of articles `a` and `b` (input indices).
  func levels(_ a: Int64, _ b: Int64, articles: [Article], storage: MemoryGroupingStorage) -> LevelEvidence? {
    guard let pair = storage.score(a, b) else { return nil }
    // The engine compares facts of pairs that could join versions only; an explanation
    // compares them for any pair it names.
    return levels(pair, articles: articles, measureFacts: pair.score < parameters.threshold / 2 && pair.a != pair.b)
  }

  /// The two-level evidence of `pair` (its articles are input indices), its facts and
  /// headlines compared here when `measureFacts`.
  func levels(_ pair: ScoredPair, articles: [Article], measureFacts: Bool) -> LevelEvidence {
    var pair = pair
    let (a, b) = (Int(pair.a), Int(pair.b))
    if measureFacts {
      let prints = [a, b].map { FactPrint(signature: HashedSignature(article: articles[$0], parameters: parameters)) }
      (pair.novelty, pair.newFacts) = FactPrint.evidence(prints[0], prints[1])
      pair.titleDice = FactPrint.titleDice(prints[0], prints[1])
    }
    var days: Double? = nil
    if let x = articles[a].published.flatMap(PublicationTime.seconds),
      let y = articles[b].published.flatMap(PublicationTime.seconds)
    {
      days = abs(x - y) / 86_400
    }
    return LevelEvidence(
      pair, daysApart: days, oneOutlet: GroupingEngine.oneOutlet(articles[a].source, articles[b].source),
      engine: GroupingEngine(parameters: parameters))
  }

  /// Each report of a thread of two or more: its strongest kept pair (by score, among those
  /// that link threads) with a version of another report of the thread.
  func explainThreads(_ stories: inout [Story], articles: [Article], storage: MemoryGroupingStorage) {
    var storyOf = [Int: String]()
    var byThread = [String: [Int]]()
    for (k, story) in stories.enumerated() {
      byThread[story.thread, default: []].append(k)
      for m in story.members { storyOf[m.inputIndex] = story.id }
    }
    for (_, reports) in byThread where reports.count > 1 {
      for k in reports {
        var best: (Double, ThreadLink)? = nil
        for m in stories[k].members.prefix(StoryExplainer.maxScoredMembers) {
          let id = Int64(m.inputIndex)
          for other in reports where other != k {
            for o in stories[other].members.prefix(StoryExplainer.maxScoredMembers) {
              guard let pair = storage.score(id, Int64(o.inputIndex)),
                let levels = levels(id, Int64(o.inputIndex), articles: articles, storage: storage), levels.threadLink
              else { continue }
              if best == nil || pair.score > best!.0 {
                best = (
                  pair.score,
                  ThreadLink(
                    article: m.articleID, otherArticle: o.articleID, otherStory: stories[other].id, levels: levels)
                )
              }
            }
          }
        }
        stories[k].threadLink = best?.1
      }
    }
  }

  /// The hashed signatures of `articles` (what the store keeps), computed on all cores.
  public static func hashedSignatures(of articles: [Article], leadTokens: Int) -> [HashedSignature] {
    GroupingEngine.concurrentMap(articles.count) {
      HashedSignature(ArticleSignature(article: articles[$0], leadTokens: leadTokens))
    }
  }

  /// `transform` of `0..<count` on all cores, in order (for the store's decoding).
  public static func concurrentMap<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
    GroupingEngine.concurrentMap(count, transform)
  }

  /// The hashed signatures of `articles` with their blobs and digests, on all cores.
  /// Articles with one text share one signature (``GroupingEngine/signedOncePerText(_:_:)``).
  public static func preparedSignatures(of articles: [Article], leadTokens: Int) -> [PreparedSignature] {
    GroupingEngine.signedOncePerText(articles) {
      PreparedSignature(HashedSignature(ArticleSignature(article: $0, leadTokens: leadTokens)))
    }
  }
}

/// Per-chunk results written from concurrent workers, each chunk by exactly one worker.
final class ChunkedResults<Element: Sendable>: Sendable {
  let chunks: Int
  private let storage: Mutex<[[Element]]>

  init(chunks: Int) {
    self.chunks = chunks
    storage = Mutex(Array(repeating: [], count: chunks))
  }

  func set(_ chunk: Int, _ values: [Element]) { storage.withLock { $0[chunk] = values } }

  /// Every chunk's results in order; each chunk is released as it is copied, so that the
  /// results are held about once, not twice.
  func joined() -> [Element] {
    storage.withLock { parts in
      var out: [Element] = []
      out.reserveCapacity(parts.reduce(0) { $0 + $1.count })
      for i in parts.indices {
        out += parts[i]
        parts[i] = []
      }
      return out
    }
  }

  func part(_ chunk: Int) -> [Element] { storage.withLock { $0[chunk] } }
}

extension StoryGrouper {
  /// How grouping `articles` judges two of them (input indices `a` and `b`): the pair's
  /// evidence at both levels (as grouping kept it, or measured now for a pair it did not
  /// keep) and whether they came out as versions of one story and reports of one thread.
  public func verdict(_ a: Int, _ b: Int, in articles: [Article]) -> PairVerdict {
    let (storage, signatures) = groupedStorage(articles, keepSignatures: true)
    let scorer = PairScorer(space: FeatureSpace(signatures: signatures), parameters: parameters)
    var breakdown = scorer.breakdown(a, b)
    // Names and leads are counted for kept pairs only; an explanation counts them for any.
    breakdown.rareNames = scorer.rareNames(a, b)
    breakdown.leadRareNames = scorer.leadRareNames(a, b)
    breakdown.leadWords = scorer.leadWordOverlap(a, b)
    let (x, y) = (Int64(a), Int64(b))
    let kept = storage.score(x, y) != nil
    let levels =
      self.levels(x, y, articles: articles, storage: storage)
      ?? self.levels(
        ScoredPair(
          a: min(x, y), b: max(x, y), score: breakdown.score, conflict: breakdown.isConflict,
          cosine: breakdown.cosine, rareNames: breakdown.rareNames, leadRareNames: breakdown.leadRareNames,
          leadWords: breakdown.leadWords),
        articles: articles, measureFacts: true)
    return PairVerdict(
      breakdown: breakdown, levels: levels, kept: kept,
      oneStory: storage.story(of: x) != nil && storage.story(of: x) == storage.story(of: y),
      oneThread: storage.thread(of: x) != nil && storage.thread(of: x) == storage.thread(of: y))
  }

  /// The pair score of two articles within the collection `articles` (which supplies the
  /// term weights), with its parts. For explaining a decision.
  public func breakdown(_ a: Int, _ b: Int, in articles: [Article]) -> PairScorer.Breakdown {
    let signatures = articles.map { ArticleSignature(article: $0, leadTokens: parameters.leadTokens) }
    let scorer = PairScorer(space: FeatureSpace(signatures: signatures), parameters: parameters)
    return scorer.breakdown(a, b)
  }
}

/// Two articles as grouping judged them (``StoryGrouper/verdict(_:_:in:)``).
public struct PairVerdict: Sendable {
  /// The pair score and its parts.
  public var breakdown: PairScorer.Breakdown
  /// The evidence both levels are decided on, with the pair's verdicts.
  public var levels: LevelEvidence
  /// Whether grouping kept the pair (a candidate scoring at least the smallest kept score).
  public var kept: Bool
  /// Whether grouping made them versions of one story (report), and reports of one thread.
  public var oneStory: Bool
  public var oneThread: Bool
}
