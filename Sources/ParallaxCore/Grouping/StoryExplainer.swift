/// Collects the evidence that explains a member of a story: the pair score against another
/// member with its parts, shared names, numbers and aligned sentences.
struct StoryExplainer: Sendable {
  let scorer: PairScorer
  let signatures: [ArticleSignature]
  let parameters: GroupingParameters
  /// Members beyond this many are scored against a sample, to bound the work on huge groups.
  static let maxScoredMembers = 64
  /// Two sentences are aligned when their term-bag cosine is at least this.
  static let sentenceMatch = 0.4

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
