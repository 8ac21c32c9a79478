import Foundation

/// The one grouping pipeline, for memory and store alike: signatures → candidates → scores
/// → clusters → stories. It groups the pending articles of a ``GroupingStorage`` against
/// everything the storage already grouped:
///
/// 0. identical copies (one signature) join their original's story and take no further part
///    (``separateCopies(_:in:)``);
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
///    stories that only gain copies are renamed, not clustered;
/// 4. each cluster is named after its first report (``StoryNaming``).
///
/// Grouping everything as one batch is the all-at-once result; a batch at a time differs
/// in the term weights a pair was scored with (those of the moment its later article
/// arrived) and in stories more than one pair away from the batch, which keep their members.
public struct GroupingEngine: Sendable {
  public var parameters: GroupingParameters
  /// The bound on a scoring run's articles (``defaultArticlesPerScoringRun``); changes memory,
  /// never a score.
  public var articlesPerScoringRun = GroupingEngine.defaultArticlesPerScoringRun

  public init(parameters: GroupingParameters = .default) {
    self.parameters = parameters
  }

  /// What a pass did.
  public struct Report: Sendable, Equatable {
    public var articles = 0
    /// Identical copies among them (grouped with their originals, not scored).
    public var copies = 0
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
    /// Stored signatures that could not be read and were signed again from the article's
    /// text (set by storages that keep signatures on disk).
    public var repairedSignatures = 0

    public init() {}

    /// Adds another pass's counts and times (the story count is the later one's).
    public mutating func add(_ other: Report) {
      articles += other.articles
      copies += other.copies
      candidatePairs += other.candidatePairs
      edges += other.edges
      reclustered += other.reclustered
      storiesWritten += other.storiesWritten
      stories = other.stories
      candidateSeconds += other.candidateSeconds
      scoreSeconds += other.scoreSeconds
      clusterSeconds += other.clusterSeconds
      repairedSignatures += other.repairedSignatures
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
    // Sorted by index: moving the articles themselves retains and releases every array of
    // their signatures at each move.
    let unsorted = try storage.pendingArticles()
    let arrivals = unsorted.indices.sorted {
      unsorted[$0].key != unsorted[$1].key ? unsorted[$0].key < unsorted[$1].key : unsorted[$0].id < unsorted[$1].id
    }.map { unsorted[$0] }
    guard !arrivals.isEmpty else { return report }
    report.articles = arrivals.count
    let isNew = Set(arrivals.map(\.id))

    // 0. Identical copies join their original's story and take no further part.
    let (pending, copyOf) = try separateCopies(arrivals, in: storage)
    report.copies = copyOf.count
    try storage.markCopies(copyOf)
    let newIDs = pending.map(\.id)

    // 1. Document frequencies of the new articles' terms, candidates, posting lists.
    let step = try candidates(pending, in: &storage)
    report.candidatePairs = step.candidates.count
    report.candidateSeconds = lap()

    // 2. Scores, under the current weights.
    let newEdges = try scores(step, pending, in: storage)
    try storage.addEdges(newEdges)
    report.edges = newEdges.count
    report.scoreSeconds = lap()

    // 3. Neighbourhoods: only these are clustered again.
    let neighbourhoods = try neighbourhoods(of: newEdges, newIDs: newIDs, isNew: isNew, copyOf: copyOf, in: storage)

    // 4. Versions into reports, reports into threads, in each neighbourhood.
    let rewritten = try rewrite(neighbourhoods, copyOf: copyOf, report: &report, in: storage)
    let stories = rewritten.stories.sorted { $0.id < $1.id }
    let grown = rewritten.grown.sorted { $0.id < $1.id }
    try storage.writeStories(stories, grown: grown, replacing: rewritten.replaced)
    report.storiesWritten = stories.count + grown.count
    report.clusterSeconds = lap()
    return report
  }

  /// The stories and threads `rows` have now as labels; a copy takes its original's.
  static func currentLabels(_ rows: [GroupingMember], copyOf: [Int64: Int64]) -> (versions: [Int32], threads: [Int32]) {
    var byID = [Int64: GroupingMember]()
    for row in rows { byID[row.id] = row }
    var codes = [String: Int32]()
    func code(_ name: String?) -> Int32 {
      let name = name ?? ""
      if let c = codes[name] { return c }
      codes[name] = Int32(codes.count)
      return codes[name]!
    }
    var versions: [Int32] = []
    var threads: [Int32] = []
    for row in rows {
      let holder = copyOf[row.id].flatMap { byID[$0] } ?? row
      versions.append(code("s" + (holder.story ?? "")))
      threads.append(code("t" + (holder.thread ?? holder.story ?? "")))
    }
    return (versions, threads)
  }

  /// Whether two articles come from one named outlet (feed or source, compared without case).
  public static func oneOutlet(_ a: String?, _ b: String?) -> Bool {
    guard let a, let b, !a.isEmpty else { return false }
    return a == b || a.caseInsensitiveCompare(b) == .orderedSame
  }

  /// Whether a new pair could link its articles at either level, at any distance in time:
  /// the pairs that decide which stored threads a pass clusters again.
  func reaches(_ edge: ScoredPair) -> Bool {
    edge.score >= parameters.threshold || isThreadLink(edge, days: nil)
  }

  /// Each story of the copies' originals grown by its copies; nil when any cannot be (a copy
  /// is its first report now, or it is gone), so that the component is clustered instead.
  func growths<S: GroupingStorage>(
    by copies: [Int64], copyOf: [Int64: Int64], storyOf: [Int64: String], in storage: S
  ) throws -> [StoryGrowth]? {
    var byStory = [String: [Int64]]()
    for copy in copies {
      guard let story = copyOf[copy].flatMap({ storyOf[$0] }) else { return nil }
      byStory[story, default: []].append(copy)
    }
    var out: [StoryGrowth] = []
    for (story, joined) in byStory.sorted(by: { $0.key < $1.key }) {
      guard let growth = try growth(of: story, by: joined.sorted(), in: storage) else { return nil }
      out.append(growth)
    }
    return out
  }

  /// `story` grown by `copies`, from its tally; nil when a copy is its first report now (it
  /// is renamed from its members) or it is gone.
  func growth<S: GroupingStorage>(of story: String, by copies: [Int64], in storage: S) throws -> StoryGrowth? {
    guard let tally = try storage.tallies(ofStories: [story])[story] else { return nil }
    let joined = try storage.members(copies)
    guard !joined.contains(where: { StoryNaming.precedes($0, tally.anchor) }) else { return nil }
    return StoryGrowth(
      id: story, joined: joined.map(\.id), size: tally.size + joined.count,
      latest: ([tally.latest] + joined.map(\.published)).compactMap { $0 }.max(),
      sources: StoryNaming.sources(anchor: tally.anchor.source, all: tally.sources + joined.map(\.source)))
  }

  /// The labels of a component's `rows` (in key order) from their stored pairs and the
  /// pass's new ones: versions of one report by average linkage over the pairs that pass the
  /// version test (``isVersionPair(_:days:)``), then reports joined into threads by any pair
  /// of their versions that links them (``isThreadLink(_:days:oneOutlet:)``). Only articles that are
  /// not copies are clustered; a copy takes its original's labels, and a pair naming a copy
  /// counts for its original (stores from before copies were collapsed hold such pairs).
  func clusterLabels<S: GroupingStorage>(
    _ rows: [GroupingMember], isNew: Set<Int64>, copyOf: [Int64: Int64], newEdgesOf: [Int64: [ScoredPair]],
    in storage: S
  ) throws -> (versions: [Int32], threads: [Int32]) {
    // Ids, and pairs of positions, are looked up through ``KeyIndex``: a neighbourhood can
    // hold thousands of articles and hundreds of thousands of pairs.
    var position = KeyIndex(capacity: rows.count)
    for (i, row) in rows.enumerated() { _ = position.value(of: UInt64(bitPattern: row.id), orInsert: { Int32(i) }) }
    // Each row's unit: its original's position when that is here, else its own.
    let units = rows.enumerated().map { i, row in
      (copyOf[row.id] ?? row.copyOf).flatMap { position[UInt64(bitPattern: $0)] } ?? Int32(i)
    }
    func unit(_ id: Int64) -> Int32? { position[UInt64(bitPattern: id)].map { units[Int($0)] } }
    // The best-scoring pair of each two units (ties to the smaller ids), and conflicts.
    // Sized for the new pairs of these rows (stored rows' pairs are fewer): growing rehashes.
    let expected = rows.reduce(0) { $0 + (newEdgesOf[$1.id]?.count ?? 0) }
    var bestSlot = KeyIndex(capacity: max(rows.count * 2, expected))
    var bestPairs: [Pair] = []
    var bestEdges: [ScoredPair] = []
    var conflicts = Set<Pair>()
    func add(_ e: ScoredPair) {
      guard let x = unit(e.a), let y = unit(e.b), x != y else { return }
      let pair = Pair(min(x, y), max(x, y))
      if e.score >= parameters.minEdgeScore {
        let next = Int32(bestEdges.count)
        let slot = Int(bestSlot.value(of: UInt64(UInt32(pair.a)) << 32 | UInt64(UInt32(pair.b)), orInsert: { next }))
        if slot == bestEdges.count {
          bestPairs.append(pair)
          bestEdges.append(e)
        } else {
          let kept = bestEdges[slot]
          if kept.score > e.score || (kept.score == e.score && (kept.a, kept.b) <= (e.a, e.b)) {
          } else {
            bestEdges[slot] = e
          }
        }
      }
      if e.conflict { conflicts.insert(pair) }
    }
    for (i, row) in rows.enumerated() where units[i] == Int32(i) {
      if !isNew.contains(row.id) {
        // Pairs with a new article are among the new edges, from whichever side.
        for e in try storage.edges(to: row.id) where !isNew.contains(e.a) { add(e) }
      }
      for e in newEdgesOf[row.id] ?? [] { add(e) }
    }
    let times = rows.map { $0.published.flatMap(PublicationTime.seconds) }
    func days(_ pair: Pair) -> Double? {
      guard let x = times[Int(pair.a)], let y = times[Int(pair.b)] else { return nil }
      return abs(x - y) / 86_400
    }
    func oneOutlet(_ pair: Pair) -> Bool { Self.oneOutlet(rows[Int(pair.a)].source, rows[Int(pair.b)].source) }
    // In order of the pairs (each pair once: the order is total).
    let order = bestPairs.indices.sorted { (bestPairs[$0].a, bestPairs[$0].b) < (bestPairs[$1].a, bestPairs[$1].b) }
    let pairs = order.lazy.map { (key: bestPairs[$0], value: bestEdges[$0]) }
    let edges = Array(
      pairs.compactMap { pair, e -> (Int32, Int32, Double)? in
        isVersionPair(e, days: days(pair), oneOutlet: oneOutlet(pair)) ? (pair.a, pair.b, e.score) : nil
      })
    let conflictList = conflicts.map { ($0.a, $0.b) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    var versions = AverageLinkClusterer.cluster(
      count: rows.count, edges: edges, conflicts: conflictList, threshold: parameters.threshold)
    // Threads: reports joined by any linking pair of their versions (union-find, so the
    // result does not depend on the order of the pairs).
    var parent = versions
    func find(_ x: Int32) -> Int32 {
      var root = x
      while parent[Int(root)] != root { root = parent[Int(root)] }
      var node = x
      while parent[Int(node)] != root {
        let next = parent[Int(node)]
        parent[Int(node)] = root
        node = next
      }
      return root
    }
    for (pair, e) in pairs where isThreadLink(e, days: days(pair), oneOutlet: oneOutlet(pair)) {
      let (x, y) = (find(versions[Int(pair.a)]), find(versions[Int(pair.b)]))
      if x != y { parent[Int(max(x, y))] = min(x, y) }
    }
    var threads = (0..<rows.count).map { find(versions[$0]) }
    for i in rows.indices {
      let u = Int(units[i])
      versions[i] = versions[u]
      threads[i] = threads[u]
    }
    return (versions, threads)
  }

  /// Whether a pair can join two articles as versions of one report: few facts of its own on
  /// the side that restates more of the other (``FactPrint``); from `oneOutlet` (both
  /// articles from one named source), titles that share their event's words
  /// (``GroupingParameters/minVersionTitleDice``) unless the texts are near copies (an
  /// outlet that headlines a piece anew has published another report; outlets headline one
  /// report each in their own words); and, when both are dated,
  /// published within ``GroupingParameters/maxVersionDays`` or one restating the other
  /// nearly whole (``GroupingParameters/restatedScore``). A follow-up reports news.
  public func isVersionPair(_ e: ScoredPair, days: Double?, oneOutlet: @autoclosure () -> Bool = false) -> Bool {
    let p = parameters
    let restated = e.score >= p.restatedScore && e.novelty == 0
    let headline =
      e.titleDice < 0 || e.titleDice >= p.minVersionTitleDice || e.score >= p.retitledScore || !oneOutlet()
    return (e.novelty <= p.maxVersionNovelty || e.newFacts <= p.maxVersionNewFacts) && headline
      && (days.map { $0 <= p.maxVersionDays } ?? true || restated)
  }

  /// Whether a pair links the reports of its two articles into one thread: leads that tell
  /// of the same matter (``GroupingParameters/threadLeadWords``; unknown for pairs stored
  /// before it was kept) and the same case by rare names, in one of three ways
  /// (``GroupingParameters/threadThreshold`` and on), or half-alike texts with many rare
  /// names in common, whatever the leads (``GroupingParameters/threadAlikeRareNames``); and,
  /// when both are dated, published within ``GroupingParameters/maxThreadDays``. Topic words alone never link: a name must
  /// be rare. Nor does a recurring report (``isRecurringReport(_:days:oneOutlet:)``).
  public func isThreadLink(_ e: ScoredPair, days: Double?, oneOutlet: @autoclosure () -> Bool = false) -> Bool {
    let p = parameters
    let words = e.leadWords < 0 ? 1 : e.leadWords
    let alike = e.rareNames >= p.threadAlikeRareNames && e.cosine >= p.threadAlikeCosine
    guard words >= p.threadLeadWords || alike, days.map({ $0 <= p.maxThreadDays }) ?? true else { return false }
    let named =
      alike
      || (e.score >= p.threadThreshold && e.leadRareNames >= p.threadLeadRareNames
        && e.rareNames >= p.threadRareNames)
      || (e.leadRareNames >= p.threadManyLeadRareNames && e.rareNames >= p.threadManyRareNames
        && e.cosine >= p.threadCosine)
      || (e.rareNames >= p.threadManyRareNames && e.score >= p.threadNamesScore && words >= p.threadNamesLeadWords)
    return named && !isRecurringReport(e, days: days, oneOutlet: oneOutlet())
  }

  /// Whether two reports of one outlet, published on different days
  /// (``GroupingParameters/recurringMinDays`` apart or more), are one recurring report: their
  /// headlines share at least ``GroupingParameters/recurringTitleDice`` of their terms. An
  /// outlet headlines a development of a story anew; it headlines the same template again
  /// for another day's operation or another week's figures ("FED ADDS RESERVES VIA
  /// CUSTOMER REPURCHASES"), and those are other reports, not one developing story.
  public func isRecurringReport(_ e: ScoredPair, days: Double?, oneOutlet: @autoclosure () -> Bool) -> Bool {
    guard let days, days >= parameters.recurringMinDays, e.titleDice >= parameters.recurringTitleDice else {
      return false
    }
    return oneOutlet()
  }

  /// Two positions, `a < b`.
  struct Pair: Hashable {
    var a: Int32
    var b: Int32
    init(_ a: Int32, _ b: Int32) {
      self.a = a
      self.b = b
    }
  }

  /// Scores pairs on all cores; keeps those worth an edge or a conflict. Pairs that share
  /// their first article run together: it is scattered once (``ScatteredArticle``).
  static func score<T: Sendable>(
    _ pairs: [(Int32, Int32)], with scorer: PairScorer,
    keeping make: @Sendable (Int32, Int32, PairScorer.Breakdown) -> T
  ) -> [T] {
    let workers = max(1, ProcessInfo.processInfo.activeProcessorCount) * 4
    let chunk = max(1, (pairs.count + workers - 1) / workers)
    let vocabulary = scorer.space.idf.count
    let results = ChunkedResults<T>(chunks: (pairs.count + chunk - 1) / chunk)
    DispatchQueue.concurrentPerform(iterations: results.chunks) { c in
      let range = (c * chunk)..<min(pairs.count, (c + 1) * chunk)
      let scattered = ScatteredArticle(vocabulary: vocabulary)
      var kept: [T] = []
      for i in range {
        let (a, b) = (Int(pairs[i].0), Int(pairs[i].1))
        scattered.scatter(a, of: scorer)
        if let s = scorer.keptBreakdown(a, b, scattered: scattered) { kept.append(make(pairs[i].0, pairs[i].1, s)) }
      }
      results.set(c, kept)
    }
    return results.joined()
  }
}
