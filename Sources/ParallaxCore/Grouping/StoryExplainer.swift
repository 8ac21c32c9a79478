/// Turns a cluster into a ``Story``: picks the representative, scores each member against
/// the group and collects the evidence (shared names, numbers, aligned sentences).
struct StoryExplainer: Sendable {
  let scorer: PairScorer
  let signatures: [ArticleSignature]
  let parameters: GroupingParameters
  /// For each position, the best-scoring other article (-1 when none), to explain why a
  /// story of one stayed alone.
  let nearest: [Int32]
  /// Members beyond this many are scored against a sample, to bound the work on huge groups.
  static let maxScoredMembers = 64
  /// Two sentences are aligned when their term-bag cosine is at least this.
  static let sentenceMatch = 0.4

  /// The story for sorted `positions` (indices into the id-sorted order).
  func story(positions: [Int], articles: [Article], order: [Int], explain: Bool) -> Story {
    let sorted = positions.sorted()
    let article = { (p: Int) in articles[order[p]] }
    let anchor = article(sorted[0]).id
    guard sorted.count > 1 else {
      let p = sorted[0]
      let a = article(p)
      let q = explain ? Int(nearest[p]) : -1
      return Story(
        id: StoryID.make(anchor: anchor), title: a.title,
        members: [
          StoryMember(
            articleID: a.id, inputIndex: order[p], score: 1,
            evidence: q >= 0 ? evidence(p, q, a, article(q)) : nil)
        ])
    }
    let sample = Array(sorted.prefix(Self.maxScoredMembers))
    var mean: [Int: Double] = [:]
    for p in sorted {
      let others = sample.filter { $0 != p }
      mean[p] = others.reduce(0) { $0 + scorer.score(p, $1) } / Double(others.count)
    }
    let representative = sorted.max { (mean[$0]!, -$0) < (mean[$1]!, -$1) }!
    let rest = sorted.filter { $0 != representative }
    let runnerUp = rest.max { (scorer.score(representative, $0), -$0) < (scorer.score(representative, $1), -$1) }!
    let members = ([representative] + rest).map { p in
      let other = p == representative ? runnerUp : representative
      return StoryMember(
        articleID: article(p).id, inputIndex: order[p], score: mean[p]!,
        evidence: explain ? evidence(p, other, article(p), article(other)) : nil)
    }
    return Story(id: StoryID.make(anchor: anchor), title: article(representative).title, members: members)
  }

  /// What article `a` (at position `p`) shares with article `b` (at position `q`).
  func evidence(_ p: Int, _ q: Int, _ a: Article, _ b: Article) -> MatchEvidence {
    let idf = { (key: String) in scorer.space.idf(of: key) }
    let names = Set(signatures[p].names.keys).intersection(signatures[q].names.keys)
      .sorted { (idf($0), $1) > (idf($1), $0) }
      .prefix(12).map { signatures[p].names[$0]! }
    let numbers = Set(signatures[p].numbers.keys).intersection(signatures[q].numbers.keys)
      .sorted().prefix(12).map { signatures[p].numbers[$0]! }
    var vocabulary: [String: Int32] = [:]
    let sentencesA = a.paragraphs.flatMap(SentenceSplitter.sentences(in:)).prefix(200).map {
      TermBag($0, vocabulary: &vocabulary, weight: idf)
    }
    let sentencesB = b.paragraphs.flatMap(SentenceSplitter.sentences(in:)).prefix(200).map {
      TermBag($0, vocabulary: &vocabulary, weight: idf)
    }
    let aligned = sentencesA.filter { s in sentencesB.contains { s.cosine($0) >= Self.sentenceMatch } }.count
    return MatchEvidence(
      comparedWith: b.id, pair: scorer.breakdown(p, q), sharedNames: names, sharedNumbers: numbers,
      alignedSentences: aligned, sentences: sentencesA.count)
  }
}
