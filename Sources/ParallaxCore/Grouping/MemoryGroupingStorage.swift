import Foundation

/// ``GroupingStorage`` in memory: what `parallax stories`, `parallax eval` and the
/// interface's `--no-store` group with. Articles are numbered in the order they are added.
public struct MemoryGroupingStorage: GroupingStorage, Sendable {
  var documentFrequency = [UInt64: Int32]()
  var postingLists = [UInt64: [Int64]]()
  var signatureOf = [Int64: HashedSignature]()
  var edgesFrom = [Int64: [ScoredPair]]()
  var edgesTo = [Int64: [ScoredPair]]()
  var memberOf = [Int64: GroupingMember]()
  var pending: [PendingArticle] = []
  var grouped = 0
  var originalByDigest = [UInt64: Int64]()
  /// Stories by id.
  public private(set) var stories = [String: StoryRecord]()
  /// The stories of each thread.
  var storiesOfThread = [String: Set<String>]()

  public init() {}

  /// An empty storage with room for `capacity` articles.
  public init(capacity: Int) {
    memberOf.reserveCapacity(capacity)
    pending.reserveCapacity(capacity)
    signatureOf.reserveCapacity(capacity)
  }

  /// Adds an article to be grouped by the next pass; returns its id. Its identity key and
  /// its signature's digest are computed unless given (a batch computes them on all cores).
  @discardableResult
  public mutating func add(
    _ article: Article, signature: HashedSignature, key: String? = nil, digest: UInt64? = nil
  ) -> Int64 {
    let id = Int64(memberOf.count)
    let key = key ?? article.identityKey
    memberOf[id] = GroupingMember(
      id: id, key: key, title: article.title, source: article.source, published: article.published, story: nil)
    pending.append(PendingArticle(id: id, key: key, signature: signature, digest: digest))
    return id
  }

  /// The story of an article.
  public func story(of id: Int64) -> String? { memberOf[id]?.story }

  /// The thread of an article.
  public func thread(of id: Int64) -> String? { memberOf[id]?.thread }

  /// The article `id` is a copy of, or itself.
  public func original(_ id: Int64) -> Int64 { memberOf[id]?.copyOf ?? id }

  /// A stored pair's score, when it was kept; copies score as their originals, and two
  /// copies of one text score 1.
  public func score(_ a: Int64, _ b: Int64) -> ScoredPair? {
    let (x, y) = (original(a), original(b))
    guard x != y else { return a == b ? nil : ScoredPair(a: min(a, b), b: max(a, b), score: 1, conflict: false) }
    return edgesFrom[min(x, y)]?.first { $0.b == max(x, y) }
  }

  /// Every kept pair scoring at least `minimumScore`, by first then second article.
  public func scoredPairs(minimumScore: Double) -> [ScoredPair] {
    edgesFrom.keys.sorted().flatMap { id in edgesFrom[id]!.filter { $0.score >= minimumScore }.sorted { $0.b < $1.b } }
  }

  /// The article whose kept pair with `id` scores highest (for explaining a story of one).
  public func bestPartner(of id: Int64) -> Int64? {
    let id = original(id)
    var best: (Double, Int64)? = nil
    for e in (edgesFrom[id] ?? []) + (edgesTo[id] ?? []) {
      let other = e.a == id ? e.b : e.a
      if best == nil || e.score > best!.0 || (e.score == best!.0 && other < best!.1) { best = (e.score, other) }
    }
    return best?.1
  }

  public func pendingArticles() -> [PendingArticle] { pending }
  public func groupedOriginalCount() -> Int { grouped }

  public func originals(withDigests digests: [UInt64]) -> [UInt64: Int64] {
    var out = [UInt64: Int64]()
    for digest in digests { if let id = originalByDigest[digest] { out[digest] = id } }
    return out
  }

  public mutating func markCopies(_ copies: [Int64: Int64]) {
    for (copy, original) in copies { memberOf[copy]?.copyOf = original }
  }

  public func documentFrequencies(of terms: [UInt64]) -> [UInt64: Int32] {
    var out = [UInt64: Int32](minimumCapacity: terms.count)
    for term in terms { if let d = documentFrequency[term] { out[term] = d } }
    return out
  }

  public func postings(of terms: [UInt64]) -> [UInt64: [Int64]] {
    var out = [UInt64: [Int64]]()
    for term in terms { if let list = postingLists[term] { out[term] = list } }
    return out
  }

  public func signatures(of ids: [Int64]) -> [Int64: HashedSignature] {
    var out = [Int64: HashedSignature]()
    for id in ids { if let s = signatureOf[id] { out[id] = s } }
    return out
  }

  public func members(ofStories ids: [String]) -> [GroupingMember] {
    ids.flatMap { (stories[$0]?.members ?? []).compactMap { memberOf[$0] } }
  }

  public func members(ofThreads ids: [String]) -> [GroupingMember] {
    members(ofStories: ids.flatMap { (storiesOfThread[$0] ?? []).sorted() })
  }

  public func edges(to id: Int64) -> [ScoredPair] { edgesTo[id] ?? [] }

  public func members(_ ids: [Int64]) -> [GroupingMember] { ids.compactMap { memberOf[$0] } }

  public mutating func updateTerms(_ updates: [TermUpdate]) {
    for update in updates {
      documentFrequency[update.term] = update.documentFrequency
      if let list = update.postings { postingLists[update.term] = list }
    }
  }

  public mutating func addEdges(_ edges: [ScoredPair]) {
    // The two indexes of the new pairs are independent: built at once, each on its own
    // core, then appended to what is held (each list keeps its pairs in the order given).
    let lists = ChunkedResults<[Int64: [ScoredPair]]>(chunks: 2)
    DispatchQueue.concurrentPerform(iterations: 2) { side in
      var index = [Int64: [ScoredPair]]()
      edges.group(byFirst: side == 0, into: &index)
      lists.set(side, [index])
    }
    let built = lists.joined()
    func append(_ fresh: [Int64: [ScoredPair]], to held: inout [Int64: [ScoredPair]]) {
      if held.isEmpty { held = fresh } else { for (id, list) in fresh { held[id, default: []] += list } }
    }
    append(built[0], to: &edgesFrom)
    append(built[1], to: &edgesTo)
  }

  public func tallies(ofStories ids: [String]) -> [String: StoryTally] {
    var out = [String: StoryTally]()
    for id in ids {
      guard let story = stories[id], let first = story.members.first, let anchor = memberOf[first] else { continue }
      out[id] = StoryTally(anchor: anchor, size: story.members.count, latest: story.latest, sources: story.sources)
    }
    return out
  }

  public mutating func writeStories(_ records: [StoryRecord], grown: [StoryGrowth], replacing replaced: Set<String>) {
    for id in replaced {
      if let thread = stories[id]?.thread { storiesOfThread[thread]?.remove(id) }
      stories[id] = nil
    }
    for record in records {
      stories[record.id] = record
      storiesOfThread[record.thread, default: []].insert(record.id)
      for member in record.members {
        memberOf[member]?.story = record.id
        memberOf[member]?.thread = record.thread
      }
    }
    storiesOfThread = storiesOfThread.filter { !$0.value.isEmpty }
    for growth in grown {
      guard var story = stories[growth.id] else { continue }
      for member in growth.joined {
        memberOf[member]?.story = growth.id
        memberOf[member]?.thread = story.thread
      }
      // Members stay first report first, then by publication time and key.
      story.members = (story.members + growth.joined).compactMap { memberOf[$0] }.sorted(by: StoryNaming.precedes)
        .map(\.id)
      story.latest = growth.latest
      story.sources = growth.sources
      stories[growth.id] = story
    }
    // Copies are grouped through their originals: no signature, weight or digest of their own.
    for article in pending where memberOf[article.id]?.copyOf == nil {
      signatureOf[article.id] = article.signature
      grouped += 1
      if originalByDigest[article.digest].map({ $0 > article.id }) ?? true {
        originalByDigest[article.digest] = article.id
      }
    }
    pending = []
  }
}
