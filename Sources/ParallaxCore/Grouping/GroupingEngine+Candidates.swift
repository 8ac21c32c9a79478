import Foundation

/// Steps 1 and 2 of a pass (candidates, then scores), over dense term ids (``TermTable``)
/// and dense article slots: pending articles are slots `0..<n` in pending order, stored
/// articles met in posting lists follow.
extension GroupingEngine {
  /// What the candidate step leaves for scoring and storing.
  struct CandidateStep {
    var table: TermTable
    /// Document frequency of each term id (stored plus pending).
    var df: [Int32]
    /// Each pending article's term ids, parallel to its signature's terms.
    var termIDs: [[Int32]]
    /// The article id of each slot.
    var slotIDs: [Int64]
    /// Candidate pairs as slots, ordered by their article ids.
    var candidates: [(Int32, Int32)]
    /// The collection's size for term weights: grouped originals plus the pending ones.
    var total: Int
  }

  /// Document frequencies grow by the pending articles; candidates are found through each
  /// pending article's indexed terms; posting lists and frequencies are written back.
  func candidates<S: GroupingStorage>(_ pending: [PendingArticle], in storage: inout S) throws -> CandidateStep {
    let n = pending.count
    let cap = parameters.maxPostings
    var table = TermTable(capacity: n * 96)
    let termIDs = pending.map { $0.signature.terms.map { table.id($0) } }
    let pendingTerms = table.count
    var df = [Int32](repeating: 0, count: pendingTerms)
    for (hash, d) in try storage.documentFrequencies(of: table.hashes) { df[Int(table.existing(hash)!)] = d }
    for ids in termIDs { for t in ids { df[Int(t)] += 1 } }
    let total = try storage.groupedOriginalCount() + n
    let idf = df.map { FeatureSpace.idf(documentFrequency: Int($0), articles: total) }

    // Each new article is matched through its highest-weighted terms among those that two
    // or more articles carry now (all at once, two articles are candidates when each was
    // indexed under enough shared terms), and is filed for later articles under those and
    // under its highest-weighted terms of any frequency up to the cap (a term only it
    // carries today may be shared tomorrow).
    let hashes = table.hashes
    let (dfNow, limit) = (df, parameters.indexedTermsPerArticle)
    let indexed = Self.concurrentMap(n) { i -> (now: [Int32], later: [Int32]) in
      Self.indexedTerms(
        termIDs[i], counts: pending[i].signature.counts, df: dfNow, idf: idf, hashes: hashes, cap: cap, limit: limit)
    }

    // Stored posting lists of the terms matched through, as slots.
    var slotOf = [Int64: Int32](minimumCapacity: n)
    var slotIDs = pending.map(\.id)
    for (i, id) in slotIDs.enumerated() { slotOf[id] = Int32(i) }
    var matched = [Bool](repeating: false, count: pendingTerms)
    for entry in indexed { for t in entry.now { matched[Int(t)] = true } }
    let matchedHashes = (0..<pendingTerms).filter { matched[$0] }.map { table.hashes[$0] }
    var storedLists = [Int32: [Int64]]()
    var storedSlots = [[Int32]](repeating: [], count: pendingTerms)
    for (hash, list) in try storage.postings(of: matchedHashes) {
      let t = table.existing(hash)!
      storedLists[t] = list
      storedSlots[Int(t)] = list.map { id in
        if let slot = slotOf[id] { return slot }
        let slot = Int32(slotIDs.count)
        slotIDs.append(id)
        slotOf[id] = slot
        return slot
      }
    }

    // Each new article meets the stored articles filed under its terms and the new ones
    // before it (in pending order) filed under them; articles are matched on all cores, each
    // chunk counting shared terms in its own table, and their pairs joined in order.
    var batch = [[Int32]](repeating: [], count: pendingTerms)
    for i in 0..<n { for t in indexed[i].now { batch[Int(t)].append(Int32(i)) } }
    let slots = slotIDs.count
    let (filed, stored, minShared) = (batch, storedSlots, parameters.minSharedIndexedTerms)
    var candidates = Self.concurrentChunks(n) { range -> [(Int32, Int32)] in
      var found: [(Int32, Int32)] = []
      var shared = [Int32](repeating: 0, count: slots)
      var touched: [Int32] = []
      for i in range {
        let me = Int32(i)
        let terms = indexed[i].now
        for t in terms {
          for other in stored[Int(t)] where other != me {
            if shared[Int(other)] == 0 { touched.append(other) }
            shared[Int(other)] += 1
          }
          for other in filed[Int(t)] {
            if other >= me { break }
            if shared[Int(other)] == 0 { touched.append(other) }
            shared[Int(other)] += 1
          }
        }
        let needed = Int32(min(minShared, max(1, terms.count)))
        for other in touched {
          if shared[Int(other)] >= needed { found.append((me, other)) }
          shared[Int(other)] = 0
        }
        touched.removeAll(keepingCapacity: true)
      }
      return found
    }
    // Filed for later articles under their terms only they carry yet.
    for (i, entry) in indexed.enumerated() { for t in entry.later { batch[Int(t)].append(Int32(i)) } }
    // In order of the pairs' article ids, the older first.
    candidates = Self.orderedByIDs(candidates, slotIDs: slotIDs)

    // Posting lists grow by the new articles (lists of terms past the cap stop growing).
    let laterOnly = (0..<pendingTerms).filter { !batch[$0].isEmpty && !matched[$0] }.map { table.hashes[$0] }
    for (hash, list) in try storage.postings(of: laterOnly) { storedLists[table.existing(hash)!] = list }
    let order = (0..<pendingTerms).sorted { table.hashes[$0] < table.hashes[$1] }
    try storage.updateTerms(
      order.map { t in
        var postings: [Int64]? = nil
        if !batch[t].isEmpty {
          let list = storedLists[Int32(t)] ?? []
          if list.count <= cap { postings = list + batch[t].prefix(cap + 1 - list.count).map { pending[Int($0)].id } }
        }
        return TermUpdate(term: table.hashes[t], documentFrequency: df[t], postings: postings)
      })
    return CandidateStep(
      table: table, df: df, termIDs: termIDs, slotIDs: slotIDs, candidates: candidates, total: total)
  }

  /// `pairs` of slots, each as (older, newer) by the slots' ids, in order of the older id,
  /// then the newer: two stable counting passes over the slots' ranks by id (the newer
  /// first, then the older), linear in the pairs where a comparison sort of them was the
  /// largest serial step of a batch's candidates.
  static func orderedByIDs(_ pairs: [(Int32, Int32)], slotIDs: [Int64]) -> [(Int32, Int32)] {
    let byID = slotIDs.indices.sorted { slotIDs[$0] < slotIDs[$1] }
    var rank = [Int32](repeating: 0, count: slotIDs.count)
    for (position, slot) in byID.enumerated() { rank[slot] = Int32(position) }
    let oriented = pairs.map { p in rank[Int(p.0)] < rank[Int(p.1)] ? p : (p.1, p.0) }
    func countingSort(_ input: [(Int32, Int32)], by key: ((Int32, Int32)) -> Int32) -> [(Int32, Int32)] {
      var start = [Int](repeating: 0, count: slotIDs.count + 1)
      for p in input { start[Int(key(p)) + 1] += 1 }
      for k in 0..<slotIDs.count { start[k + 1] += start[k] }
      var out = [(Int32, Int32)](repeating: (0, 0), count: input.count)
      for p in input {
        let k = Int(key(p))
        out[start[k]] = p
        start[k] += 1
      }
      return out
    }
    return countingSort(countingSort(oriented) { rank[Int($0.1)] }) { rank[Int($0.0)] }
  }

  /// The terms an article is matched through (`now`: its highest-weighted terms that two or
  /// more articles carry) and filed under for later articles (`later`: its highest-weighted
  /// terms only it carries yet), among terms carried by at most `cap` articles: one rule for
  /// a new article and for one whose text was replaced (``reindex(_:old:new:in:)``).
  static func indexedTerms(
    _ ids: [Int32], counts: [Int32], df: [Int32], idf: [Double], hashes: [UInt64], cap: Int, limit: Int
  ) -> (now: [Int32], later: [Int32]) {
    var weighted: [(term: Int32, weight: Double)] = []
    weighted.reserveCapacity(counts.count)
    for (k, t) in ids.enumerated() where df[Int(t)] <= cap {
      weighted.append((t, (1 + log(Double(counts[k]))) * idf[Int(t)]))
    }
    weighted.sort {
      $0.weight != $1.weight ? $0.weight > $1.weight : hashes[Int($0.term)] < hashes[Int($1.term)]
    }
    let now = Array(weighted.lazy.filter { df[Int($0.term)] >= 2 }.prefix(limit).map(\.term))
    let later = weighted.prefix(limit).filter { df[Int($0.term)] < 2 }.map(\.term)
    return (now, later)
  }

  /// Brings the candidate index up to date after article `id`'s signature changed from `old`
  /// to `new` (its full page replaced a feed's summary): document frequencies lose the old
  /// text's terms and gain the new one's, and the article is filed under its new indexed
  /// terms (``indexedTerms(_:counts:df:idf:hashes:cap:limit:)``) and taken out of the lists
  /// of terms it no longer is filed under, so later articles find it through its full text.
  /// Its stored pairs and story stay until `parallax regroup`.
  public func reindex<S: GroupingStorage>(_ id: Int64, old: HashedSignature, new: HashedSignature, in storage: inout S)
    throws
  {
    var table = TermTable(capacity: old.terms.count + new.terms.count)
    let newIDs = new.terms.map { table.id($0) }
    for hash in old.terms { _ = table.id(hash) }
    var df = [Int32](repeating: 0, count: table.count)
    for (hash, d) in try storage.documentFrequencies(of: table.hashes) { df[Int(table.existing(hash)!)] = d }
    let oldSet = Set(old.terms)
    let newSet = Set(new.terms)
    for (t, hash) in table.hashes.enumerated() {
      if oldSet.contains(hash) && !newSet.contains(hash) { df[t] = max(0, df[t] - 1) }
      if newSet.contains(hash) && !oldSet.contains(hash) { df[t] += 1 }
    }
    let total = max(1, try storage.groupedOriginalCount())
    let idf = df.map { FeatureSpace.idf(documentFrequency: Int($0), articles: total) }
    let cap = parameters.maxPostings
    let (now, later) = Self.indexedTerms(
      newIDs, counts: new.counts, df: df, idf: idf, hashes: table.hashes, cap: cap,
      limit: parameters.indexedTermsPerArticle)
    let filed = Set((now + later).map { table.hashes[Int($0)] })
    let lists = try storage.postings(of: table.hashes)
    var updates: [TermUpdate] = []
    for (t, hash) in table.hashes.enumerated().sorted(by: { $0.element < $1.element }) {
      let list = lists[hash]
      var postings: [Int64]? = nil
      if filed.contains(hash) {
        if let list, !list.contains(id), list.count <= cap { postings = list + [id] }
        if list == nil { postings = [id] }
      } else if let list, list.contains(id) {
        postings = list.filter { $0 != id }
      }
      let changed = (oldSet.contains(hash) != newSet.contains(hash))
      if changed || postings != nil {
        updates.append(TermUpdate(term: hash, documentFrequency: df[t], postings: postings))
      }
    }
    try storage.updateTerms(updates)
  }

  /// How many articles one scoring run may involve, at least: candidates are scored in runs
  /// whose articles' signatures and vectors fit this bound (or the pass's own articles, which
  /// are in memory anyway), so a pass's memory does not grow with the store. A run's weights
  /// are the pass's and its sums run in hash order, so runs change no score. Measured on 100
  /// feeds of 1,000 articles: peak RSS 694 MB unbounded, 506 MB at 40,000, 413 MB at 16,000.
  public static let defaultArticlesPerScoringRun = 16_000

  /// Scores the candidates under the current weights; returns the pairs worth keeping, in
  /// candidate order.
  func scores<S: GroupingStorage>(_ step: CandidateStep, _ pending: [PendingArticle], in storage: S) throws
    -> [ScoredPair]
  {
    var table = step.table
    var df = step.df
    let n = pending.count
    let total = step.total
    // Runs of candidates whose articles number at most the bound.
    var stamp = [Int32](repeating: -1, count: step.slotIDs.count)
    var runs: [(range: Range<Int>, slots: [Int32])] = []
    var start = 0
    var slots: [Int32] = []
    for (k, pair) in step.candidates.enumerated() {
      let fresh = (stamp[Int(pair.0)] != Int32(runs.count) ? 1 : 0) + (stamp[Int(pair.1)] != Int32(runs.count) ? 1 : 0)
      if slots.count + fresh > max(articlesPerScoringRun, n) && !slots.isEmpty {
        runs.append((start..<k, slots))
        (start, slots) = (k, [])
      }
      for slot in [pair.0, pair.1] where stamp[Int(slot)] != Int32(runs.count) {
        stamp[Int(slot)] = Int32(runs.count)
        slots.append(slot)
      }
    }
    if !slots.isEmpty { runs.append((start..<step.candidates.count, slots)) }

    var kept: [ScoredPair] = []
    var local = [Int32](repeating: -1, count: step.slotIDs.count)
    for run in runs {
      // The run's stored articles' signatures; terms only they carry get their frequencies.
      let storedSlots = run.slots.filter { $0 >= n }.sorted()
      let stored = try storage.signatures(of: storedSlots.map { step.slotIDs[Int($0)] })
      var signatures: [HashedSignature] = []
      var ids: [Int64] = []
      var pendingIndex: [Int?] = []
      for slot in run.slots.sorted() {
        let id = step.slotIDs[Int(slot)]
        if slot < n {
          signatures.append(pending[Int(slot)].signature)
          pendingIndex.append(Int(slot))
        } else {
          guard let s = stored[id] else { continue }
          signatures.append(s)
          pendingIndex.append(nil)
        }
        local[Int(slot)] = Int32(ids.count)
        ids.append(id)
      }
      let known = table.count
      for (s, p) in zip(signatures, pendingIndex) where p == nil { for h in s.terms { _ = table.id(h) } }
      if table.count > known {
        df += [Int32](repeating: 0, count: table.count - known)
        for (hash, d) in try storage.documentFrequencies(of: Array(table.hashes[known...])) {
          df[Int(table.existing(hash)!)] = d
        }
      }
      let rank = table.ranks()
      var weights = [Double](repeating: 0, count: table.count)
      for t in 0..<table.count {
        weights[Int(rank[t])] = FeatureSpace.idf(documentFrequency: Int(df[t]), articles: total)
      }
      // Interned on all cores: a hash lookup per term of every article of the run.
      let (runTable, runSignatures, runPending) = (table, signatures, pendingIndex)
      let interned = Self.concurrentMap(signatures.count) { k -> InternedSignature in
        func ranked(_ hashes: [UInt64]) -> [Int32] { hashes.map { rank[Int(runTable.existing($0)!)] } }
        let (s, p) = (runSignatures[k], runPending[k])
        return InternedSignature(
          termIDs: p.map { step.termIDs[$0].map { rank[Int($0)] } } ?? ranked(s.terms), counts: s.counts,
          entities: ranked(s.entities), numbers: ranked(s.numbers), contexts: s.contexts, weekdays: s.weekdays,
          leadTerms: ranked(s.leadTerms))
      }
      let scorer = PairScorer(
        space: FeatureSpace(interned: interned, idf: weights), parameters: parameters, articles: total)
      let pairs = step.candidates[run.range].compactMap { pair -> (Int32, Int32)? in
        let (a, b) = (local[Int(pair.0)], local[Int(pair.1)])
        return a < 0 || b < 0 ? nil : (a, b)
      }
      let prints = Self.concurrentMap(signatures.count) { FactPrint(signature: runSignatures[$0]) }
      // Facts are compared for pairs that could join versions (half the threshold and up);
      // a weaker pair only adds to an average, and counts as restating. Each kept pair is
      // made whole where it is scored, so that no second array of every pair's parts is held.
      let factScore = parameters.threshold / 2
      let runIDs = ids
      let scored = Self.score(pairs, with: scorer) { a, b, s in
        var evidence = (novelty: 0.0, newFacts: 0, titleDice: -1.0)
        if s.score >= factScore {
          let (x, y) = (prints[Int(a)], prints[Int(b)])
          let facts = FactPrint.evidence(x, y)
          evidence = (facts.novelty, facts.newFacts, FactPrint.titleDice(x, y))
        }
        let (x, y) = (runIDs[Int(a)], runIDs[Int(b)])
        return ScoredPair(
          a: min(x, y), b: max(x, y), score: s.score, conflict: s.isConflict, novelty: evidence.novelty,
          newFacts: evidence.newFacts, cosine: s.cosine, rareNames: s.rareNames, leadRareNames: s.leadRareNames,
          titleDice: evidence.titleDice, leadWords: s.leadWords)
      }
      if kept.isEmpty { kept = scored } else { kept += scored }
      for slot in run.slots { local[Int(slot)] = -1 }
    }
    return kept
  }

  /// `transform` of `0..<count` on all cores, in order.
  static func concurrentMap<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
    concurrentChunks(count) { $0.map(transform) }
  }

  /// `body` on consecutive ranges of `0..<count` on all cores, its results joined in order.
  static func concurrentChunks<T: Sendable>(_ count: Int, _ body: @Sendable (Range<Int>) -> [T]) -> [T] {
    let workers = max(1, ProcessInfo.processInfo.activeProcessorCount) * 4
    let chunk = max(1, (count + workers - 1) / workers)
    let results = ChunkedResults<T>(chunks: (count + chunk - 1) / chunk)
    DispatchQueue.concurrentPerform(iterations: results.chunks) { c in
      results.set(c, body((c * chunk)..<min(count, (c + 1) * chunk)))
    }
    return results.joined()
  }
}
