/// Finds the pairs worth scoring without comparing every article with every other.
///
/// Each article is indexed under its `k` highest-weighted terms among those carried by at
/// least 2 and at most `maxPostings` articles (rare enough to point at one story). Two
/// articles are candidates when they share at least `minShared` indexed terms. Since posting
/// lists are capped, the work is at most `n × k × maxPostings` and in practice far less.
public enum CandidateIndex {
  /// Candidate pairs `(a, b)` with `a < b`, in increasing order.
  /// - Complexity: O(n × k × p) where p is the mean posting-list length (≤ `maxPostings`).
  public static func pairs(in space: FeatureSpace, parameters: GroupingParameters) -> [(Int32, Int32)] {
    let df = space.documentFrequency
    let cap = Int32(parameters.maxPostings)
    let indexed: [[Int32]] = space.vectors.map { vector in
      vector.topIDs(parameters.indexedTermsPerArticle) { df[Int($0)] >= 2 && df[Int($0)] <= cap }
    }
    var postings = [[Int32]](repeating: [], count: space.terms.count)
    for (doc, terms) in indexed.enumerated() {
      for term in terms { postings[Int(term)].append(Int32(doc)) }
    }
    var shared = [Int32](repeating: 0, count: space.count)
    var touched: [Int32] = []
    var result: [(Int32, Int32)] = []
    for (doc, terms) in indexed.enumerated() {
      let d = Int32(doc)
      let needed = Int32(min(parameters.minSharedIndexedTerms, max(1, terms.count)))
      for term in terms {
        for other in postings[Int(term)] where other > d {
          if shared[Int(other)] == 0 { touched.append(other) }
          shared[Int(other)] += 1
        }
      }
      touched.sort()
      for other in touched {
        if shared[Int(other)] >= needed { result.append((d, other)) }
        shared[Int(other)] = 0
      }
      touched.removeAll(keepingCapacity: true)
    }
    return result
  }
}
