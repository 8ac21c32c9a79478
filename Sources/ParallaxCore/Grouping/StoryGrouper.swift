import Foundation

/// Groups articles into stories: rewrites, trims and paraphrases of one report together,
/// different events apart.
///
/// Pipeline: signatures (parallel) → feature space → candidate pairs from an inverted index
/// of rare terms → pair scores (``PairScorer``) → average-link clustering → stories with
/// evidence. Articles are sorted by id first, so any input order gives the same stories.
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
    /// Seconds spent building the feature space (weights, vectors).
    public var spaceSeconds = 0.0
    /// Seconds spent finding and scoring candidate pairs.
    public var pairSeconds = 0.0
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
    let order = articles.indices.sorted {
      articles[$0].id != articles[$1].id ? articles[$0].id < articles[$1].id : articles[$0].body < articles[$1].body
    }
    let signatures = Self.signatures(of: order.map { articles[$0] }, leadTokens: parameters.leadTokens)
    let start = Date()
    let space = FeatureSpace(signatures: signatures)
    statistics.spaceSeconds = Date().timeIntervalSince(start)
    let scorer = PairScorer(space: space, parameters: parameters)
    let (labels, edges) = cluster(space, scorer: scorer, statistics: &statistics)

    var clusters: [Int32: [Int]] = [:]
    for (position, label) in labels.enumerated() { clusters[label, default: []].append(position) }
    var nearest = [Int32](repeating: -1, count: order.count)
    if explain {
      var best = [Double](repeating: 0, count: order.count)
      for (a, b, s) in edges {
        if s > best[Int(a)] { (best[Int(a)], nearest[Int(a)]) = (s, b) }
        if s > best[Int(b)] { (best[Int(b)], nearest[Int(b)]) = (s, a) }
      }
    }
    let explainer = StoryExplainer(scorer: scorer, signatures: signatures, parameters: parameters, nearest: nearest)
    var stories = clusters.values.map { positions in
      explainer.story(positions: positions, articles: articles, order: order, explain: explain)
    }
    stories.sort { $0.size != $1.size ? $0.size > $1.size : $0.id < $1.id }
    return stories
  }

  /// Cluster labels (a representative position) for the articles of `space`, which must be in
  /// a canonical order (``StoryGrouper`` sorts by id; the store by input id and key).
  public func labels(of space: FeatureSpace, statistics: inout Statistics) -> [Int32] {
    cluster(space, scorer: PairScorer(space: space, parameters: parameters), statistics: &statistics).labels
  }

  func cluster(_ space: FeatureSpace, scorer: PairScorer, statistics: inout Statistics) -> (
    labels: [Int32], edges: [(Int32, Int32, Double)]
  ) {
    var start = Date()
    let candidates = CandidateIndex.pairs(in: space, parameters: parameters)
    let (edges, conflicts) = Self.score(candidates, with: scorer)
    statistics.pairSeconds = Date().timeIntervalSince(start)
    start = Date()
    let labels = AverageLinkClusterer.cluster(
      count: space.count, edges: edges, conflicts: conflicts, threshold: parameters.threshold)
    statistics.clusterSeconds = Date().timeIntervalSince(start)
    statistics.articles = space.count
    statistics.candidatePairs = candidates.count
    statistics.linkedPairs = edges.count
    return (labels, edges)
  }

  /// Signatures of all articles, computed on all cores.
  public static func signatures(of articles: [Article], leadTokens: Int) -> [ArticleSignature] {
    let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    let chunk = max(1, (articles.count + workers - 1) / workers)
    let results = ChunkedResults<ArticleSignature>(chunks: (articles.count + chunk - 1) / chunk)
    DispatchQueue.concurrentPerform(iterations: results.chunks) { c in
      let range = (c * chunk)..<min(articles.count, (c + 1) * chunk)
      results.set(c, range.map { ArticleSignature(article: articles[$0], leadTokens: leadTokens) })
    }
    return results.joined()
  }

  /// Scores candidate pairs on all cores. Returns the pairs with a positive score, and the
  /// conflicting pairs (most shared number contexts disagree: a template report's editions).
  static func score(_ candidates: [(Int32, Int32)], with scorer: PairScorer) -> (
    [(Int32, Int32, Double)], [(Int32, Int32)]
  ) {
    let workers = max(1, ProcessInfo.processInfo.activeProcessorCount) * 4
    let chunk = max(1, (candidates.count + workers - 1) / workers)
    let minScore = scorer.parameters.minEdgeScore
    let results = ChunkedResults<(Int32, Int32, PairScorer.Breakdown)>(chunks: (candidates.count + chunk - 1) / chunk)
    DispatchQueue.concurrentPerform(iterations: results.chunks) { c in
      let range = (c * chunk)..<min(candidates.count, (c + 1) * chunk)
      results.set(
        c,
        range.compactMap { i in
          let (a, b) = candidates[i]
          let s = scorer.breakdown(Int(a), Int(b))
          return s.score >= minScore || s.isConflict ? (a, b, s) : nil
        })
    }
    let all = results.joined()
    return (
      all.filter { $0.2.score >= minScore }.map { ($0.0, $0.1, $0.2.score) },
      all.filter { $0.2.isConflict }.map { ($0.0, $0.1) }
    )
  }
}

/// Per-chunk results written from concurrent workers, each chunk by exactly one worker.
final class ChunkedResults<Element>: @unchecked Sendable {
  let chunks: Int
  private var storage: [[Element]]
  private let lock = NSLock()

  init(chunks: Int) {
    self.chunks = chunks
    storage = Array(repeating: [], count: chunks)
  }

  func set(_ chunk: Int, _ values: [Element]) {
    lock.lock()
    storage[chunk] = values
    lock.unlock()
  }

  func joined() -> [Element] { storage.flatMap { $0 } }

  func part(_ chunk: Int) -> [Element] { storage[chunk] }
}

extension StoryGrouper {
  /// The pair score of two articles within the collection `articles` (which supplies the
  /// term weights), with its parts. For explaining a decision.
  public func breakdown(_ a: Int, _ b: Int, in articles: [Article]) -> PairScorer.Breakdown {
    let signatures = articles.map { ArticleSignature(article: $0, leadTokens: parameters.leadTokens) }
    let scorer = PairScorer(space: FeatureSpace(signatures: signatures), parameters: parameters)
    return scorer.breakdown(a, b)
  }
}
