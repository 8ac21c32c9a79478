import Foundation
import GRDB
import ParallaxCore

/// Incremental story grouping inside the store.
///
/// Each article's signature is computed once, when it is stored. Grouping then works on the
/// articles not yet grouped (`story IS NULL`), in one write transaction:
/// 1. document frequencies (`termStat`) grow by the new articles, and each new article's
///    indexed terms (its highest-weighted terms carried by at most `maxPostings` articles)
///    are looked up in the stored posting lists and in the batch itself: pairs sharing at
///    least `minSharedIndexedTerms` are candidates, exactly as ``CandidateIndex`` does;
/// 2. candidates are scored with ``PairScorer`` under the current weights; pairs worth
///    keeping are stored as `edge` rows (conflicts too);
/// 3. average linkage only merges clusters joined by at least one pair scoring above the
///    threshold, so a story never spans two components of the graph of such pairs: only the
///    components the new articles touch are clustered again, from their stored edges.
/// Story ids persist: a cluster keeps the id most of its members had.
/// ``regroupAll()`` forgets the edges and statistics and runs the same steps over every
/// article as one batch, which is what importing everything at once does.
extension Store {
  /// What a grouping pass did.
  public struct GroupingReport: Sendable, Equatable {
    public var articles = 0
    public var candidatePairs = 0
    public var edges = 0
    public var reclustered = 0
    public var stories = 0
    /// Seconds spent on document frequencies, posting lists and candidates.
    public var candidateSeconds = 0.0
    /// Seconds spent scoring candidates and storing edges.
    public var scoreSeconds = 0.0
    /// Seconds spent reclustering components and writing stories.
    public var clusterSeconds = 0.0

    public init() {}
  }

  /// Groups the articles not grouped yet.
  @discardableResult
  public func groupPending(parameters: GroupingParameters = .default) throws -> GroupingReport {
    try writing { db in try Self.groupPending(db, parameters: parameters) }
  }

  /// Regroups every stored article from scratch (their signatures are kept).
  @discardableResult
  public func regroupAll(parameters: GroupingParameters = .default) throws -> GroupingReport {
    try writing { db in
      try db.execute(sql: "DELETE FROM edge; DELETE FROM termStat; DELETE FROM story; UPDATE article SET story = NULL")
      return try Self.groupPending(db, parameters: parameters)
    }
  }

  /// One member row as grouping needs it.
  struct MemberRow {
    var id: Int64
    var inputID: String
    var key: String
    var title: String
    var source: String?
    var published: String?
    var story: String?
  }

  static func groupPending(_ db: Database, parameters: GroupingParameters) throws -> GroupingReport {
    var report = GroupingReport()
    var clock = Date()
    func lap() -> Double {
      defer { clock = Date() }
      return Date().timeIntervalSince(clock)
    }
    // New articles in a canonical order (input id, then key), whatever order they came in.
    let pendingRows = try Row.fetchAll(
      db,
      sql: """
        SELECT article.id, signature.data FROM article JOIN signature ON signature.articleID = article.id
        WHERE article.story IS NULL ORDER BY article.inputID, article.key
        """)
    guard !pendingRows.isEmpty else { return report }
    let newIDs: [Int64] = pendingRows.map { $0[0] }
    let newSignatures = pendingRows.map {
      HashedSignature($0[1] as Data) ?? HashedSignature(ArticleSignature(text: ""))
    }
    report.articles = newIDs.count

    // 1. Document frequencies.
    var df = [UInt64: Int32]()
    let cursor = try Row.fetchCursor(db, sql: "SELECT hash, df FROM termStat")
    while let row = try cursor.next() { df[UInt64(bitPattern: row[0])] = row[1] }
    var delta = [UInt64: Int32]()
    for signature in newSignatures { for term in signature.terms { delta[term, default: 0] += 1 } }
    for (term, d) in delta { df[term, default: 0] += d }
    let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article WHERE story IS NOT NULL")! + newIDs.count
    func idf(_ term: UInt64) -> Double {
      FeatureSpace.idf(documentFrequency: Int(df[term] ?? 0), articles: total)
    }
    let cap = Int32(parameters.maxPostings)

    // Indexed terms of each new article: the k highest weights among terms not too common.
    let indexed: [[UInt64]] = newSignatures.map { s in
      var weighted: [(UInt64, Double)] = []
      for (term, count) in zip(s.terms, s.counts) where (df[term] ?? 0) <= cap {
        weighted.append((term, (1 + log(Double(count))) * idf(term)))
      }
      weighted.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
      return weighted.prefix(parameters.indexedTermsPerArticle).map(\.0)
    }

    // Stored posting lists of the terms the batch indexes.
    var postings = [UInt64: [Int64]]()
    let touchedTerms = Set(indexed.joined())
    let lookup = try db.makeStatement(sql: "SELECT postings FROM termStat WHERE hash = ?")
    for term in touchedTerms {
      if let blob = try Data.fetchOne(lookup, arguments: [Int64(bitPattern: term)]) {
        postings[term] = Self.decodeIDs(blob)
      }
    }
    let storedPostings = postings

    // Candidates: new × stored and new × earlier new, sharing enough indexed terms.
    var candidates: [(Int64, Int64)] = []
    var batchPostings = [UInt64: [Int64]]()
    for (i, terms) in indexed.enumerated() {
      let me = newIDs[i]
      var shared = [Int64: Int32]()
      let queried = terms.filter { (df[$0] ?? 0) >= 2 }
      for term in queried {
        for other in storedPostings[term] ?? [] { shared[other, default: 0] += 1 }
        for other in batchPostings[term] ?? [] { shared[other, default: 0] += 1 }
      }
      let needed = Int32(min(parameters.minSharedIndexedTerms, max(1, queried.count)))
      for (other, n) in shared where n >= needed { candidates.append((min(me, other), max(me, other))) }
      for term in terms { batchPostings[term, default: []].append(me) }
    }
    candidates.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    report.candidatePairs = candidates.count

    // Posting lists grow by the new articles (lists of terms past the cap stop growing).
    var changedPostings = Set<UInt64>()
    for (term, ids) in batchPostings {
      var list = postings[term] ?? []
      if list.count <= Int(cap) {
        list += ids.prefix(Int(cap) + 1 - list.count)
        changedPostings.insert(term)
      }
      postings[term] = list
    }
    let upsert = try db.makeStatement(
      sql: """
        INSERT INTO termStat (hash, df, postings) VALUES (?, ?, ?)
        ON CONFLICT(hash) DO UPDATE SET df = excluded.df, postings = COALESCE(excluded.postings, postings)
        """)
    for (term, d) in delta {
      _ = d
      try upsert.execute(arguments: [
        Int64(bitPattern: term), df[term] ?? 0, changedPostings.contains(term) ? Self.encodeIDs(postings[term]!) : nil,
      ])
    }

    report.candidateSeconds = lap()

    // 2. Scores, under the current weights.
    var signatureOf = [Int64: HashedSignature]()
    for (id, s) in zip(newIDs, newSignatures) { signatureOf[id] = s }
    let storedNeeded = Set(candidates.flatMap { [$0.0, $0.1] }).filter { signatureOf[$0] == nil }
    let fetchSignature = try db.makeStatement(sql: "SELECT data FROM signature WHERE articleID = ?")
    for id in storedNeeded {
      if let blob = try Data.fetchOne(fetchSignature, arguments: [id]), let s = HashedSignature(blob) {
        signatureOf[id] = s
      }
    }
    let involved = signatureOf.keys.sorted()
    let local = Dictionary(uniqueKeysWithValues: involved.enumerated().map { ($1, $0) })
    var termIDs = [UInt64: Int32]()
    var weights: [Double] = []
    func intern(_ term: UInt64) -> Int32 {
      if let id = termIDs[term] { return id }
      let id = Int32(weights.count)
      termIDs[term] = id
      weights.append(idf(term))
      return id
    }
    let interned = involved.map { id -> InternedSignature in
      let s = signatureOf[id]!
      return InternedSignature(
        termIDs: s.terms.map(intern), counts: s.counts, entities: s.entities.map(intern),
        numbers: s.numbers.map(intern), contexts: s.contexts)
    }
    let scorer = PairScorer(space: FeatureSpace(interned: interned, idf: weights), parameters: parameters)
    let scored = Self.score(
      candidates.compactMap { pair in
        guard let a = local[pair.0], let b = local[pair.1] else { return nil }
        return (a, b)
      }, scorer: scorer, minEdgeScore: parameters.minEdgeScore)
    let insertEdge = try db.makeStatement(
      sql: "INSERT OR REPLACE INTO edge (a, b, score, conflict) VALUES (?, ?, ?, ?)")
    var newEdges: [(Int64, Int64, Double, Bool)] = []
    for (a, b, breakdown) in scored {
      let edge = (involved[a], involved[b], breakdown.score, breakdown.isConflict)
      newEdges.append(edge)
      try insertEdge.execute(arguments: [edge.0, edge.1, edge.2, edge.3])
    }
    report.edges = newEdges.count
    report.scoreSeconds = lap()

    // 3. Components (over pairs at or above the threshold) that hold a new article.
    let threshold = parameters.threshold
    var strong = [Int64: [Int64]]()
    for (a, b, s, _) in newEdges where s >= threshold {
      strong[a, default: []].append(b)
      strong[b, default: []].append(a)
    }
    let isNew = Set(newIDs)
    let storedStrong = try db.makeStatement(
      sql: "SELECT b FROM edge WHERE a = ? AND score >= ? UNION SELECT a FROM edge WHERE b = ? AND score >= ?")
    var component = [Int64: Int]()
    var components: [[Int64]] = []
    for start in newIDs where component[start] == nil {
      var members: [Int64] = [start]
      component[start] = components.count
      var next = 0
      while next < members.count {
        let node = members[next]
        next += 1
        var neighbours = strong[node] ?? []
        if !isNew.contains(node) {
          neighbours += try Int64.fetchAll(storedStrong, arguments: [node, threshold, node, threshold])
        }
        for other in neighbours where component[other] == nil {
          component[other] = components.count
          members.append(other)
        }
      }
      components.append(members)
    }

    let storedEdges = try db.makeStatement(sql: "SELECT b, score, conflict FROM edge WHERE a = ?")
    var newEdgesOf = [Int64: [(Int64, Double, Bool)]]()
    for (a, b, s, c) in newEdges { newEdgesOf[a, default: []].append((b, s, c)) }
    let memberStatement = try db.makeStatement(
      sql: "SELECT id, inputID, key, title, source, published, story FROM article WHERE id = ?")
    let writeStory = try db.makeStatement(sql: "UPDATE article SET story = ? WHERE id = ?")
    let insertStory = try db.makeStatement(
      sql: "INSERT OR REPLACE INTO story (id, title, size, latest, sources) VALUES (?, ?, ?, ?, ?)")
    let deleteStory = try db.makeStatement(sql: "DELETE FROM story WHERE id = ?")
    for members in components {
      var rows: [MemberRow] = []
      for id in members {
        guard let r = try Row.fetchOne(memberStatement, arguments: [id]) else { continue }
        rows.append(
          MemberRow(
            id: r[0], inputID: r[1], key: r[2], title: r[3], source: r[4], published: r[5],
            story: isNew.contains(id) ? nil : r[6]))
      }
      rows.sort { $0.inputID != $1.inputID ? $0.inputID < $1.inputID : $0.key < $1.key }
      let position = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1.id, Int32($0)) })
      var edges: [(Int32, Int32, Double)] = []
      var conflicts: [(Int32, Int32)] = []
      func add(_ a: Int64, _ b: Int64, _ s: Double, _ c: Bool) {
        guard let x = position[a], let y = position[b] else { return }
        if s >= parameters.minEdgeScore { edges.append((min(x, y), max(x, y), s)) }
        if c { conflicts.append((min(x, y), max(x, y))) }
      }
      for row in rows {
        if isNew.contains(row.id) {
          for (b, s, c) in newEdgesOf[row.id] ?? [] { add(row.id, b, s, c) }
        } else {
          for r in try Row.fetchAll(storedEdges, arguments: [row.id]) {
            let b: Int64 = r[0]
            // Edges with a new article were added above, from the new article's side or this one.
            if isNew.contains(b) { continue }
            add(row.id, b, r[1], r[2])
          }
          for (b, s, c) in newEdgesOf[row.id] ?? [] { add(row.id, b, s, c) }
        }
      }
      edges.sort { ($0.0, $0.1) < ($1.0, $1.1) }
      conflicts.sort { ($0.0, $0.1) < ($1.0, $1.1) }
      let labels = AverageLinkClusterer.cluster(
        count: rows.count, edges: edges, conflicts: conflicts, threshold: threshold)
      var clusters = [Int32: [Int]]()
      for (i, label) in labels.enumerated() { clusters[label, default: []].append(i) }
      let ordered = clusters.values.map { $0.sorted() }.sorted {
        $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0]
      }
      // Centrality (sum of scores inside the cluster) picks each story's title.
      var strength = [Double](repeating: 0, count: rows.count)
      for (a, b, s) in edges where labels[Int(a)] == labels[Int(b)] {
        strength[Int(a)] += s
        strength[Int(b)] += s
      }
      var claimed = Set<String>()
      var kept = Set<String>()
      var previousSize = [String: Int]()
      for row in rows { if let s = row.story { previousSize[s, default: 0] += 1 } }
      for cluster in ordered {
        var votes = [String: Int]()
        for i in cluster { if let s = rows[i].story { votes[s, default: 0] += 1 } }
        var id = votes.filter { !claimed.contains($0.key) }.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        if id == nil {
          var candidate = StoryID.make(anchor: rows[cluster[0]].key)
          var suffix = 2
          while claimed.contains(candidate) || votes[candidate] != nil {
            candidate = StoryID.make(anchor: rows[cluster[0]].key + "#\(suffix)")
            suffix += 1
          }
          id = candidate
        }
        let storyID = id!
        claimed.insert(storyID)
        let central = cluster.max { strength[$0] != strength[$1] ? strength[$0] < strength[$1] : $0 > $1 }!
        var sources: [String] = []
        for i in cluster { if let s = rows[i].source, !sources.contains(s) { sources.append(s) } }
        var changed = false
        for i in cluster where rows[i].story != storyID {
          try writeStory.execute(arguments: [storyID, rows[i].id])
          changed = true
        }
        // A story whose members all kept its id is unchanged unless it lost members.
        if !changed && votes[storyID] == previousSize[storyID] {
          kept.insert(storyID)
          continue
        }
        kept.insert(storyID)
        try insertStory.execute(arguments: [
          storyID, rows[central].title, cluster.count, cluster.compactMap { rows[$0].published }.max(),
          sources.joined(separator: ", "),
        ])
      }
      for old in Set(rows.compactMap(\.story)) where !kept.contains(old) { try deleteStory.execute(arguments: [old]) }
      report.reclustered += rows.count
    }
    report.stories = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM story") ?? 0
    report.clusterSeconds = lap()
    return report
  }

  /// Scores pairs of the local space on all cores; keeps pairs worth an edge or a conflict.
  static func score(_ pairs: [(Int, Int)], scorer: PairScorer, minEdgeScore: Double) -> [(
    Int, Int, PairScorer.Breakdown
  )] {
    let workers = max(1, ProcessInfo.processInfo.activeProcessorCount) * 4
    let chunk = max(1, (pairs.count + workers - 1) / workers)
    let chunks = (pairs.count + chunk - 1) / chunk
    let results = ResultSlots<[(Int, Int, PairScorer.Breakdown)]>(count: chunks, empty: [])
    DispatchQueue.concurrentPerform(iterations: chunks) { c in
      let range = (c * chunk)..<min(pairs.count, (c + 1) * chunk)
      results.set(
        c,
        range.compactMap { i in
          let (a, b) = pairs[i]
          let s = scorer.breakdown(a, b)
          return s.score >= minEdgeScore || s.isConflict ? (a, b, s) : nil
        })
    }
    return results.values.flatMap { $0 }
  }

  static func encodeIDs(_ ids: [Int64]) -> Data {
    var out = [UInt8]()
    out.reserveCapacity(ids.count * 8)
    for id in ids { withUnsafeBytes(of: id.littleEndian) { out.append(contentsOf: $0) } }
    return Data(out)
  }

  static func decodeIDs(_ data: Data) -> [Int64] {
    data.withUnsafeBytes { raw in
      (0..<(raw.count / 8)).map { Int64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: Int64.self)) }
    }
  }
}

/// Results written from concurrent workers, each slot by exactly one worker.
final class ResultSlots<Value>: @unchecked Sendable {
  private var slots: [Value]
  private let lock = NSLock()

  init(count: Int, empty: Value) { slots = Array(repeating: empty, count: count) }

  func set(_ index: Int, _ value: Value) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  var values: [Value] { slots }
}
