import Foundation

/// The collection-wide view of a set of signatures: interned terms, document frequencies,
/// TF-IDF vectors, and entity sets, ready for scoring pairs.
public struct FeatureSpace: Sendable {
  /// Term text for each id.
  public private(set) var terms: [String] = []
  /// Number of articles carrying each term.
  public private(set) var documentFrequency: [Int32] = []
  /// Unit TF-IDF vector of each article's lead.
  public private(set) var vectors: [SparseVector] = []
  /// Sorted name-and-number term ids of each article.
  public private(set) var entities: [[Int32]] = []
  /// Sorted number term ids of each article.
  public private(set) var numbers: [[Int32]] = []
  /// Each article's number contexts as (context hash, numbers hash), sorted by context hash.
  public private(set) var numberContexts: [[NumberContext]] = []
  /// Inverse document frequency of each term.
  public private(set) var idf: [Double] = []
  /// Term id for each term text.
  public private(set) var termIDs: [String: Int32] = [:]

  /// Builds the space. Weights are sublinear TF times `ln((N + 1) / (df + 1))`.
  /// - Complexity: O(total number of distinct terms per article).
  public init(signatures: [ArticleSignature]) {
    var ids: [String: Int32] = [:]
    func intern(_ term: String) -> Int32 {
      if let id = ids[term] { return id }
      let id = Int32(terms.count)
      ids[term] = id
      terms.append(term)
      documentFrequency.append(0)
      return id
    }
    var counts: [[(Int32, Int)]] = []
    counts.reserveCapacity(signatures.count)
    for signature in signatures {
      // Sorted so that ids are assigned in the same order whatever the dictionary order.
      let row = signature.termCounts.sorted { $0.key < $1.key }.map { (intern($0.key), $0.value) }
      for (id, _) in row { documentFrequency[Int(id)] += 1 }
      counts.append(row)
      entities.append(signature.entityKeys.map { ids[$0]! }.sorted())
      numbers.append(signature.numbers.keys.map { ids[$0]! }.sorted())
      numberContexts.append(
        signature.numberContexts.map {
          NumberContext(context: StoryID.fnv1a($0.key), numbers: $0.value.map(StoryID.fnv1a).sorted())
        }.sorted { $0.context < $1.context })
    }
    termIDs = ids
    let n = Double(signatures.count)
    idf = documentFrequency.map { log((n + 1) / (Double($0) + 1)) + 1 }
    vectors = counts.map { row in
      SparseVector(row.map { ($0.0, Float((1 + log(Double($0.1))) * idf[Int($0.0)])) })
    }
  }

  /// Number of articles.
  public var count: Int { vectors.count }
}

extension FeatureSpace {
  /// The IDF of a term by its text; terms outside the collection get the largest IDF.
  public func idf(of term: String) -> Double {
    if let id = termIDs[term] { return idf[Int(id)] }
    return log(Double(count + 1))
  }
}

/// The numbers an article gives in one wording context, hashed.
public struct NumberContext: Sendable, Hashable {
  /// Hash of the words either side.
  public var context: UInt64
  /// Hashes of the distinct numbers found there, sorted.
  public var numbers: [UInt64]
}
