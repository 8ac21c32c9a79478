import Foundation

/// The collection-wide view of a set of signatures: terms, document frequencies, TF-IDF
/// vectors, and entity sets, ready for scoring pairs.
///
/// Term ids follow the terms' text order, whatever order the articles or a store's
/// vocabulary came in, so that every floating-point sum runs in one canonical order and a
/// collection always groups the same way, at once or built up import by import.
public struct FeatureSpace: Sendable {
  /// Term text for each id, in increasing text order.
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
  /// Days of the week each article's lead names, one bit each.
  public private(set) var weekdays: [UInt8] = []
  /// Sorted ids of the terms each article's lead (title and first words) carries.
  public private(set) var leadTerms: [[Int32]] = []
  /// Inverse document frequency of each term.
  public private(set) var idf: [Double] = []
  /// Term id for each term text.
  public private(set) var termIDs: [String: Int32] = [:]

  /// Builds the space from text signatures.
  public init(signatures: [ArticleSignature]) {
    var vocabulary = Set<String>()
    for signature in signatures { vocabulary.formUnion(signature.termCounts.keys) }
    let sorted = vocabulary.sorted()
    let ids = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, Int32($0)) })
    self.init(interned: signatures.map { InternedSignature($0, intern: { ids[$0]! }) }, sortedTerms: sorted)
  }

  /// Builds the space. Weights are sublinear TF times `ln((N + 1) / (df + 1)) + 1`.
  /// - Complexity: O(total number of distinct terms per article).
  init(interned signatures: [InternedSignature], sortedTerms: [String]) {
    terms = sortedTerms
    documentFrequency = [Int32](repeating: 0, count: terms.count)
    for signature in signatures {
      for id in signature.termIDs { documentFrequency[Int(id)] += 1 }
    }
    idf = documentFrequency.map { Self.idf(documentFrequency: Int($0), articles: signatures.count) }
    build(signatures)
    termIDs = Dictionary(uniqueKeysWithValues: terms.enumerated().map { ($1, Int32($0)) })
  }

  /// Builds the space for some articles of a larger collection whose term weights are given:
  /// `idf[id]` for every id the signatures use (the store scores new articles this way,
  /// against the document frequencies of everything it holds). Term texts are not known.
  public init(interned signatures: [InternedSignature], idf: [Double]) {
    self.idf = idf
    documentFrequency = []
    build(signatures)
  }

  /// The weight of a term carried by `documentFrequency` of `articles` articles:
  /// `ln((N + 1) / (df + 1)) + 1`.
  public static func idf(documentFrequency: Int, articles: Int) -> Double {
    log((Double(articles) + 1) / (Double(documentFrequency) + 1)) + 1
  }

  /// Each article's vector and sorted id sets, computed on all cores.
  private mutating func build(_ signatures: [InternedSignature]) {
    let idf = idf
    let rows = GroupingEngine.concurrentMap(signatures.count) { i in
      let signature = signatures[i]
      return (
        vector: SparseVector(
          zip(signature.termIDs, signature.counts).map { ($0, Float((1 + log(Double($1))) * idf[Int($0)])) }),
        entities: signature.entities.sorted(), numbers: signature.numbers.sorted(),
        leadTerms: signature.leadTerms.sorted()
      )
    }
    vectors = rows.map(\.vector)
    entities = rows.map(\.entities)
    numbers = rows.map(\.numbers)
    numberContexts = signatures.map(\.contexts)
    weekdays = signatures.map(\.weekdays)
    leadTerms = rows.map(\.leadTerms)
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

  public init(context: UInt64, numbers: [UInt64]) {
    self.context = context
    self.numbers = numbers
  }
}
