import Foundation

/// Pairs the paragraphs of two versions of an article.
///
/// 1. Every paragraph is split into sentences; sentences and paragraphs get IDF-weighted term
///    bags (IDF over the paragraphs of both versions).
/// 2. Candidate sentence pairs come from an inverted index over terms (only terms in at most
///    `maxPostings` sentences), so long versions are not compared all against all. Candidates
///    are scored with ``SentenceSimilarity`` and matched one-to-one, best first, down to
///    `relatedThreshold`.
/// 3. Paragraph links weigh the paragraph cosine plus the matched sentence pairs between them;
///    pairs of at least `linkThreshold` are links.
///    Links are taken best first: a link between two free paragraphs starts a group; a link
///    from a grouped paragraph to a free neighbour of the group's other side adds it (one
///    paragraph rewritten as two, or two merged into one), up to `maxGroupSide` per side.
/// 4. Groups whose order agrees on both sides (the heaviest increasing chain) are in place; the
///    rest are moved.
public struct ParagraphAligner: Sendable {
  /// Sentence pairs at or above this probability count as related.
  public var relatedThreshold = 0.25
  /// A paragraph pair links when its weight reaches this.
  public var linkThreshold = 0.18
  /// Paragraphs that are each other's best match at this cosine or above are paired without
  /// sentence-level work (a light edit: a few words changed).
  public var confidentCosine = 0.6
  /// At most this many paragraphs of one side in a group.
  public var maxGroupSide = 3
  /// Terms in more sentences than this are not used to find candidates.
  public var maxPostings = 64

  public init() {}

  /// A set of paragraphs on each side that correspond.
  public struct Group: Sendable, Hashable {
    public var left: [Int]
    public var right: [Int]
    public var weight: Double
    public var moved = false
    /// The two sides are one paragraph each, identical after normalisation.
    public var identical = false
  }

  /// The groups, sorted by their first left paragraph.
  /// - Complexity: about O(n + m + c) for c candidate sentence pairs; terms common to many
  ///   sentences are left out of candidate generation, which keeps c near-linear.
  public func align(left: [String], right: [String]) -> [Group] {
    align(PreparedText(paragraphs: left), PreparedText(paragraphs: right))
  }

  /// The groups of two prepared versions, sorted by their first left paragraph.
  public func align(_ left: PreparedText, _ right: PreparedText) -> [Group] {
    guard !left.raw.isEmpty, !right.raw.isEmpty else { return [] }
    let exact = Self.exactPairs(left.normalized, right.normalized)
    let exactLeft = Set(exact.map(\.0))
    let exactRight = Set(exact.map(\.1))
    // Paragraphs with a unique identical counterpart are paired directly and skip the
    // similarity work (republished copies are mostly identical paragraphs).
    let leftTokens = left.tokens.indices.map { exactLeft.contains($0) ? [] : left.tokens[$0] }
    let rightTokens = right.tokens.indices.map { exactRight.contains($0) ? [] : right.tokens[$0] }
    let leftTerms = leftTokens.map { TermBag.terms(of: $0) }
    let rightTerms = rightTokens.map { TermBag.terms(of: $0) }
    let similarity = SentenceSimilarity(documents: leftTerms + rightTerms)
    var vocabulary: [String: Int32] = [:]
    let leftParagraphBags = leftTerms.map { TermBag(terms: $0, vocabulary: &vocabulary, weight: similarity.weight) }
    let rightParagraphBags = rightTerms.map { TermBag(terms: $0, vocabulary: &vocabulary, weight: similarity.weight) }
    let paragraphPairs = Self.cosinePairs(
      leftParagraphBags.map(\.vector), rightParagraphBags.map(\.vector), maxPostings: maxPostings, floor: 0.15)
    // Lightly edited paragraphs (mutual best match, high cosine) need no sentence-level work.
    let confident = Self.confidentPairs(paragraphPairs, threshold: confidentCosine)
    let settledLeft = exactLeft.union(confident.map(\.0))
    let settledRight = exactRight.union(confident.map(\.1))
    let leftSentences = Self.sentences(
      leftTokens.indices.map { settledLeft.contains($0) ? [] : leftTokens[$0] }, similarity, &vocabulary)
    let rightSentences = Self.sentences(
      rightTokens.indices.map { settledRight.contains($0) ? [] : rightTokens[$0] }, similarity, &vocabulary)

    var weight: [Int64: Double] = [:]
    func key(_ i: Int, _ j: Int) -> Int64 { Int64(i) << 32 | Int64(j) }
    for (i, j) in exact { weight[key(i, j)] = Self.exactWeight }
    for (i, j) in confident { weight[key(i, j)] = 1 }
    for (i, j, cosine) in paragraphPairs {
      weight[key(i, j), default: 0] += cosine
    }
    for (a, b, p) in matchSentences(leftSentences, rightSentences) {
      weight[key(leftSentences[a].paragraph, rightSentences[b].paragraph), default: 0] += p
    }
    let links = weight.filter { $0.value >= linkThreshold }
      .map { (i: Int($0.key >> 32), j: Int($0.key & 0xFFFF_FFFF), w: $0.value) }
      .sorted { ($0.w, -$0.i, -$0.j) > ($1.w, -$1.i, -$1.j) }
    var groups = buildGroups(links)
    let exactSet = Set(exact.map { key($0.0, $0.1) })
    for g in groups.indices where groups[g].left.count == 1 && groups[g].right.count == 1 {
      groups[g].identical = exactSet.contains(key(groups[g].left[0], groups[g].right[0]))
    }
    Self.markMoved(&groups)
    return groups.sorted { $0.left[0] < $1.left[0] }
  }

  /// The link weight of identical paragraphs: above any similarity-based weight's usual range.
  static let exactWeight = 3.0

  /// Pairs that are each other's best match with a cosine of at least `threshold`.
  static func confidentPairs(_ pairs: [(Int, Int, Double)], threshold: Double) -> [(Int, Int)] {
    var bestLeft: [Int: (Int, Double)] = [:]
    var bestRight: [Int: (Int, Double)] = [:]
    for (i, j, c) in pairs {
      if c > (bestLeft[i]?.1 ?? -1) { bestLeft[i] = (j, c) }
      if c > (bestRight[j]?.1 ?? -1) { bestRight[j] = (i, c) }
    }
    return pairs.filter { i, j, c in c >= threshold && bestLeft[i]?.0 == j && bestRight[j]?.0 == i }.map {
      ($0.0, $0.1)
    }
  }

  /// Pairs of identical (normalised) paragraphs that occur once on each side.
  static func exactPairs(_ left: [String], _ right: [String]) -> [(Int, Int)] {
    var leftIndex: [String: [Int]] = [:]
    var rightIndex: [String: [Int]] = [:]
    for (i, text) in left.enumerated() where !text.isEmpty { leftIndex[text, default: []].append(i) }
    for (j, text) in right.enumerated() where !text.isEmpty { rightIndex[text, default: []].append(j) }
    return leftIndex.compactMap { text, indices in
      guard indices.count == 1, let other = rightIndex[text], other.count == 1 else { return nil }
      return (indices[0], other[0])
    }.sorted { $0.0 < $1.0 }
  }

  struct Sentence {
    var paragraph: Int
    var prepared: SentenceSimilarity.Prepared
  }

  static func sentences(_ paragraphs: [[Token]], _ similarity: SentenceSimilarity, _ vocabulary: inout [String: Int32])
    -> [Sentence]
  {
    var result: [Sentence] = []
    for (p, tokens) in paragraphs.enumerated() {
      var start = 0
      while start < tokens.count {
        var end = start
        while end < tokens.count && tokens[end].sentence == tokens[start].sentence { end += 1 }
        result.append(
          Sentence(
            paragraph: p, prepared: similarity.prepare(tokens: Array(tokens[start..<end]), vocabulary: &vocabulary)))
        start = end
      }
    }
    return result
  }

  /// One-to-one sentence matches (left index, right index, probability), best first.
  func matchSentences(_ left: [Sentence], _ right: [Sentence]) -> [(Int, Int, Double)] {
    let candidates = Self.cosinePairs(
      left.map(\.prepared.bag.vector), right.map(\.prepared.bag.vector), maxPostings: maxPostings, floor: 0.1)
    let scored = candidates.map { (a, b, _) in
      (a, b, SentenceSimilarity.probability(left[a].prepared, right[b].prepared))
    }
    .filter { $0.2 >= relatedThreshold }
    .sorted { ($0.2, -$0.0, -$0.1) > ($1.2, -$1.0, -$1.1) }
    var usedLeft = Set<Int>()
    var usedRight = Set<Int>()
    var matches: [(Int, Int, Double)] = []
    for (a, b, p) in scored where !usedLeft.contains(a) && !usedRight.contains(b) {
      usedLeft.insert(a)
      usedRight.insert(b)
      matches.append((a, b, p))
    }
    return matches
  }

  /// Pairs of vectors whose cosine is at least `floor`, found through an inverted index of the
  /// right side's terms (terms in more than `maxPostings` right vectors only add to pairs
  /// found through rarer terms).
  static func cosinePairs(_ left: [SparseVector], _ right: [SparseVector], maxPostings: Int, floor: Double)
    -> [(Int, Int, Double)]
  {
    var postings: [Int32: [Int]] = [:]
    for (j, v) in right.enumerated() { for id in v.ids { postings[id, default: []].append(j) } }
    var result: [(Int, Int, Double)] = []
    var touched = Set<Int>()
    for (i, v) in left.enumerated() {
      touched.removeAll(keepingCapacity: true)
      for id in v.ids {
        guard let list = postings[id], list.count <= maxPostings else { continue }
        touched.formUnion(list)
      }
      for j in touched.sorted() {
        let c = v.dot(right[j])
        if c >= floor { result.append((i, j, c)) }
      }
    }
    return result
  }

  /// Groups from links taken best first; see the type's description.
  func buildGroups(_ links: [(i: Int, j: Int, w: Double)]) -> [Group] {
    var groups: [Group] = []
    var groupOfLeft: [Int: Int] = [:]
    var groupOfRight: [Int: Int] = [:]
    // Two passes: a link skipped because its paragraph was not yet next to the group (the
    // group grew from a weaker link later) gets a second chance.
    for link in links + links {
      switch (groupOfLeft[link.i], groupOfRight[link.j]) {
      case (let g?, let h?) where g == h:
        continue
      case (nil, nil):
        groupOfLeft[link.i] = groups.count
        groupOfRight[link.j] = groups.count
        groups.append(Group(left: [link.i], right: [link.j], weight: link.w))
      case (let g?, nil):
        let side = groups[g].right
        guard side.count < maxGroupSide, side.contains(where: { abs($0 - link.j) == 1 }) else { continue }
        groups[g].right = (side + [link.j]).sorted()
        groups[g].weight += link.w
        groupOfRight[link.j] = g
      case (nil, let g?):
        let side = groups[g].left
        guard side.count < maxGroupSide, side.contains(where: { abs($0 - link.i) == 1 }) else { continue }
        groups[g].left = (side + [link.i]).sorted()
        groups[g].weight += link.w
        groupOfLeft[link.i] = g
      case (_?, _?):
        continue
      }
    }
    return groups
  }

  /// Marks as moved the groups outside the heaviest chain increasing on both sides.
  static func markMoved(_ groups: inout [Group]) {
    let order = groups.indices.sorted { groups[$0].left[0] < groups[$1].left[0] }
    let n = order.count
    guard n > 1 else { return }
    // Heaviest increasing subsequence by right position: O(n²) over groups, which number at
    // most the paragraphs of the shorter side.
    var best = [Double](repeating: 0, count: n)
    var previous = [Int](repeating: -1, count: n)
    for x in 0..<n {
      let g = groups[order[x]]
      best[x] = g.weight
      for y in 0..<x where groups[order[y]].right[0] < g.right[0] && best[y] + g.weight > best[x] {
        best[x] = best[y] + g.weight
        previous[x] = y
      }
    }
    var end = best.indices.max { (best[$0], -$0) < (best[$1], -$1) }!
    var inChain = Set<Int>()
    while end >= 0 {
      inChain.insert(order[end])
      end = previous[end]
    }
    for g in groups.indices where !inChain.contains(g) { groups[g].moved = true }
  }
}
