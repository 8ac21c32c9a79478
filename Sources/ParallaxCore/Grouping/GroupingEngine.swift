import Foundation

/// The one grouping pipeline, for memory and store alike: signatures → candidates → scores
/// → clusters → stories. It groups the pending articles of a ``GroupingStorage`` against
/// everything the storage already grouped:
///
/// 1. document frequencies grow by the new articles; each new article's indexed terms (its
///    highest-weighted terms carried by at most `maxPostings` articles) are looked up in the
///    stored posting lists and within the batch: pairs sharing at least
///    `minSharedIndexedTerms` are candidates;
/// 2. candidates are scored with ``PairScorer`` under the current weights (term ids in hash
///    order, so every sum runs in one order); pairs worth keeping are stored (conflicts too);
/// 3. average linkage merges clusters only across pairs at or above the threshold, so only
///    the new articles and the stories they reach by such a pair are clustered again, from
///    their stored pairs (the neighbourhood of an import, bounded by the stories it touches;
///    a change that would ripple further through a chain of stories waits for `regroup`);
/// 4. each cluster is named after its first report (``StoryNaming``).
///
/// Grouping everything as one batch is the all-at-once result; a batch at a time differs
/// in the term weights a pair was scored with (those of the moment its later article
/// arrived) and in stories more than one pair away from the batch, which keep their members.
public struct GroupingEngine: Sendable {
  public var parameters: GroupingParameters

  public init(parameters: GroupingParameters = .default) {
    self.parameters = parameters
  }

  /// What a pass did.
  public struct Report: Sendable, Equatable {
    public var articles = 0
    public var candidatePairs = 0
    public var edges = 0
    /// Articles clustered again (new ones and the stored ones of their components).
    public var reclustered = 0
    /// Stories written.
    public var storiesWritten = 0
    /// Stories in the storage after the pass (set by storages that count them).
    public var stories = 0
    /// Seconds spent on document frequencies, posting lists and candidates.
    public var candidateSeconds = 0.0
    /// Seconds spent scoring candidates and storing pairs.
    public var scoreSeconds = 0.0
    /// Seconds spent clustering and writing stories.
    public var clusterSeconds = 0.0

    public init() {}

    /// Adds another pass's counts and times (the story count is the later one's).
    public mutating func add(_ other: Report) {
      articles += other.articles
      candidatePairs += other.candidatePairs
      edges += other.edges
      reclustered += other.reclustered
      storiesWritten += other.storiesWritten
      stories = other.stories
      candidateSeconds += other.candidateSeconds
      scoreSeconds += other.scoreSeconds
      clusterSeconds += other.clusterSeconds
    }
  }

  /// Groups the storage's pending articles.
  @discardableResult
  public func groupPending<S: GroupingStorage>(_ storage: inout S) throws -> Report {
    var report = Report()
    var clock = Date()
    func lap() -> Double {
      defer { clock = Date() }
      return Date().timeIntervalSince(clock)
    }
    let pending = try storage.pendingArticles().sorted { $0.key != $1.key ? $0.key < $1.key : $0.id < $1.id }
    guard !pending.isEmpty else { return report }
    report.articles = pending.count
    let newIDs = pending.map(\.id)
    let isNew = Set(newIDs)

    // 1. Document frequencies of the new articles' terms, and candidates.
    var delta = [UInt64: Int32]()
    for article in pending { for term in article.signature.terms { delta[term, default: 0] += 1 } }
    var df = try storage.documentFrequencies(of: Array(delta.keys))
    for (term, d) in delta { df[term, default: 0] += d }
    let total = try storage.groupedArticleCount() + pending.count
    let cap = Int32(parameters.maxPostings)
    func idf(_ term: UInt64) -> Double { FeatureSpace.idf(documentFrequency: Int(df[term] ?? 0), articles: total) }

    // Each new article is matched through its highest-weighted terms among those that two
    // or more articles carry now (`indexedNow`: all at once, two articles are candidates when each was indexed under enough shared terms), and
    // is filed for later articles under those and under its highest-weighted terms of any
    // frequency up to the cap (a term only it carries today may be shared tomorrow).
    func top(_ s: HashedSignature, minimumFrequency: Int32) -> [UInt64] {
      var weighted: [(UInt64, Double)] = []
      for (term, count) in zip(s.terms, s.counts) {
        let d = df[term] ?? 0
        if d >= minimumFrequency && d <= cap { weighted.append((term, (1 + log(Double(count))) * idf(term))) }
      }
      weighted.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
      return weighted.prefix(parameters.indexedTermsPerArticle).map(\.0)
    }
    let indexedNow = pending.map { top($0.signature, minimumFrequency: 2) }
    let indexedLater = pending.map { article in
      Array(Set(top(article.signature, minimumFrequency: 0)).subtracting(top(article.signature, minimumFrequency: 2)))
        .sorted()
    }
    var postings = try storage.postings(of: Array(Set(indexedNow.joined())))
    let storedPostings = postings

    var candidates: [(Int64, Int64)] = []
    var batchPostings = [UInt64: [Int64]]()
    var shared = [Int64: Int32]()
    for (i, terms) in indexedNow.enumerated() {
      let me = newIDs[i]
      for term in terms {
        for other in storedPostings[term] ?? [] { shared[other, default: 0] += 1 }
        for other in batchPostings[term] ?? [] { shared[other, default: 0] += 1 }
      }
      let needed = Int32(min(parameters.minSharedIndexedTerms, max(1, terms.count)))
      for (other, n) in shared where n >= needed { candidates.append((min(me, other), max(me, other))) }
      shared.removeAll(keepingCapacity: true)
      for term in terms { batchPostings[term, default: []].append(me) }
    }
    // Terms filed for later join the posting lists too.
    let later = Array(Set(indexedLater.joined()).subtracting(postings.keys))
    for (term, list) in try storage.postings(of: later) { postings[term] = list }
    for (i, terms) in indexedLater.enumerated() {
      for term in terms { batchPostings[term, default: []].append(newIDs[i]) }
    }
    candidates.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    report.candidatePairs = candidates.count

    // Posting lists grow by the new articles (lists of terms past the cap stop growing).
    var changed = Set<UInt64>()
    for (term, ids) in batchPostings {
      var list = postings[term] ?? []
      if list.count <= Int(cap) {
        list += ids.prefix(Int(cap) + 1 - list.count)
        changed.insert(term)
      }
      postings[term] = list
    }
    try storage.updateTerms(
      delta.keys.sorted().map { term in
        TermUpdate(
          term: term, documentFrequency: df[term] ?? 0, postings: changed.contains(term) ? postings[term] : nil)
      })
    report.candidateSeconds = lap()

    // 2. Scores, under the current weights.
    var signatureOf = [Int64: HashedSignature]()
    for article in pending { signatureOf[article.id] = article.signature }
    let storedNeeded = Set(candidates.flatMap { [$0.0, $0.1] }).filter { !isNew.contains($0) }
    for (id, s) in try storage.signatures(of: storedNeeded.sorted()) { signatureOf[id] = s }
    let involved = signatureOf.keys.sorted()
    let local = Dictionary(uniqueKeysWithValues: involved.enumerated().map { ($1, $0) })
    var vocabulary = Set<UInt64>()
    for s in signatureOf.values {
      vocabulary.formUnion(s.terms)
      vocabulary.formUnion(s.entities)
      vocabulary.formUnion(s.numbers)
    }
    let missing = vocabulary.filter { df[$0] == nil }
    if !missing.isEmpty { for (term, d) in try storage.documentFrequencies(of: Array(missing)) { df[term] = d } }
    let sortedTerms = vocabulary.sorted()
    let termID = Dictionary(uniqueKeysWithValues: sortedTerms.enumerated().map { ($1, Int32($0)) })
    let weights = sortedTerms.map(idf)
    let interned = involved.map { id -> InternedSignature in
      let s = signatureOf[id]!
      return InternedSignature(
        termIDs: s.terms.map { termID[$0]! }, counts: s.counts, entities: s.entities.map { termID[$0]! },
        numbers: s.numbers.map { termID[$0]! }, contexts: s.contexts)
    }
    let scorer = PairScorer(space: FeatureSpace(interned: interned, idf: weights), parameters: parameters)
    let localPairs = candidates.compactMap { pair -> (Int32, Int32)? in
      guard let a = local[pair.0], let b = local[pair.1] else { return nil }
      return (Int32(a), Int32(b))
    }
    let newEdges = Self.score(localPairs, with: scorer).map {
      ScoredPair(a: involved[Int($0.0)], b: involved[Int($0.1)], score: $0.2.score, conflict: $0.2.isConflict)
    }
    try storage.addEdges(newEdges)
    report.edges = newEdges.count
    report.scoreSeconds = lap()

    // 3. Neighbourhoods: the new articles with the stories they reach by a pair at or above
    // the threshold (average linkage merges only across such pairs), joined when they share
    // a story or such a pair. Only these are clustered again: the work depends on the new
    // articles and the stories they touch, never on the store's size or on how far chains of
    // related stories have grown.
    let threshold = parameters.threshold
    var newEdgesOf = [Int64: [ScoredPair]]()
    var strongStored = Set<Int64>()
    for edge in newEdges {
      newEdgesOf[edge.a, default: []].append(edge)
      if edge.score >= threshold {
        if !isNew.contains(edge.a) { strongStored.insert(edge.a) }
        if !isNew.contains(edge.b) { strongStored.insert(edge.b) }
      }
    }
    var storyOf = [Int64: String]()
    for member in try storage.members(strongStored.sorted()) { if let s = member.story { storyOf[member.id] = s } }
    // Union-find over new articles (by id) and touched stories (by name).
    var parent = [String: String]()
    func find(_ x: String) -> String {
      var root = x
      while let p = parent[root], p != root { root = p }
      var node = x
      while let p = parent[node], p != root {
        parent[node] = root
        node = p
      }
      return root
    }
    func union(_ x: String, _ y: String) {
      let (rx, ry) = (find(x), find(y))
      if rx != ry { parent[max(rx, ry)] = min(rx, ry) }
    }
    func node(_ id: Int64) -> String? { isNew.contains(id) ? "a\(id)" : storyOf[id].map { "s" + $0 } }
    for id in newIDs { parent["a\(id)"] = "a\(id)" }
    for s in Set(storyOf.values) { parent["s" + s] = "s" + s }
    for edge in newEdges where edge.score >= threshold {
      if let x = node(edge.a), let y = node(edge.b) { union(x, y) }
    }
    var groups = [String: (articles: [Int64], stories: [String])]()
    for id in newIDs { groups[find("a\(id)"), default: ([], [])].articles.append(id) }
    for s in Set(storyOf.values).sorted() { groups[find("s" + s), default: ([], [])].stories.append(s) }
    var components: [[Int64]] = []
    for key in groups.keys.sorted() {
      let group = groups[key]!
      var ids = group.articles
      if !group.stories.isEmpty { ids += try storage.members(ofStories: group.stories) }
      components.append(ids)
    }

    // 4. Cluster each component again and name its stories.
    var stories: [StoryRecord] = []
    var replaced = Set<String>()
    for ids in components {
      let rows = try storage.members(ids).sorted { $0.key != $1.key ? $0.key < $1.key : $0.id < $1.id }
      let position = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1.id, Int32($0)) })
      var edges: [(Int32, Int32, Double)] = []
      var conflicts: [(Int32, Int32)] = []
      func add(_ e: ScoredPair) {
        guard let x = position[e.a], let y = position[e.b] else { return }
        if e.score >= parameters.minEdgeScore { edges.append((min(x, y), max(x, y), e.score)) }
        if e.conflict { conflicts.append((min(x, y), max(x, y))) }
      }
      for row in rows {
        if !isNew.contains(row.id) {
          // Pairs with a new article are among the new edges, from whichever side.
          for e in try storage.edges(from: row.id) where !isNew.contains(e.b) { add(e) }
        }
        for e in newEdgesOf[row.id] ?? [] { add(e) }
      }
      edges.sort { ($0.0, $0.1) < ($1.0, $1.1) }
      conflicts.sort { ($0.0, $0.1) < ($1.0, $1.1) }
      let labels = AverageLinkClusterer.cluster(
        count: rows.count, edges: edges, conflicts: conflicts, threshold: threshold)
      var clusters = [Int32: [GroupingMember]]()
      for (i, label) in labels.enumerated() { clusters[label, default: []].append(rows[i]) }
      for row in rows { if let s = row.story { replaced.insert(s) } }
      for members in clusters.values {
        let record = StoryNaming.record(of: members)
        // A story whose members are exactly those that carried its id already is unchanged.
        if members.allSatisfy({ $0.story == record.id })
          && rows.filter({ $0.story == record.id }).count == members.count
        {
          replaced.remove(record.id)
        } else {
          stories.append(record)
        }
      }
      report.reclustered += rows.count
    }
    stories.sort { $0.id < $1.id }
    try storage.writeStories(stories, replacing: replaced)
    report.storiesWritten = stories.count
    report.clusterSeconds = lap()
    return report
  }

  /// Scores pairs on all cores; keeps those worth an edge or a conflict.
  static func score(_ pairs: [(Int32, Int32)], with scorer: PairScorer) -> [(Int32, Int32, PairScorer.Breakdown)] {
    let workers = max(1, ProcessInfo.processInfo.activeProcessorCount) * 4
    let chunk = max(1, (pairs.count + workers - 1) / workers)
    let minScore = scorer.parameters.minEdgeScore
    let results = ChunkedResults<(Int32, Int32, PairScorer.Breakdown)>(chunks: (pairs.count + chunk - 1) / chunk)
    DispatchQueue.concurrentPerform(iterations: results.chunks) { c in
      let range = (c * chunk)..<min(pairs.count, (c + 1) * chunk)
      results.set(
        c,
        range.compactMap { i in
          let (a, b) = pairs[i]
          let s = scorer.breakdown(Int(a), Int(b))
          return s.score >= minScore || s.isConflict ? (a, b, s) : nil
        })
    }
    return results.joined()
  }
}
