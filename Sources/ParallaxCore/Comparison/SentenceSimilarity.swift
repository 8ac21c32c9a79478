import Foundation

/// Decides whether two sentences say the same thing.
///
/// Six lexical features — IDF-weighted cosine of content-word stems, Dice overlap of all words,
/// Dice overlap of word bigrams, a number-mismatch flag, the length ratio, and the share of the
/// shorter sentence's words found in the longer — combined by logistic regression. The weights
/// were fitted on a fixed 70 % of the Microsoft Research Paraphrase Corpus training file and
/// frozen; `parallax eval-sentences` refits them and reports both on the held-out 30 %.
public struct SentenceSimilarity: Sendable {
  /// Logistic weights for ``Features/vector`` followed by the bias (frozen).
  public static let weights: [Double] = [3.144, 5.515, -2.201, -0.322, 3.837, 0.630, -7.476]
  /// Probability at or above which two sentences are paraphrases (frozen; tuned with the weights).
  public static let paraphraseThreshold = 0.52

  /// Smoothed IDF per term, from the collection of passages being compared.
  public let idf: [String: Double]
  let defaultIDF: Double

  /// Builds the weighting from a collection of passages (sentences or paragraphs).
  public init(collection: [String]) {
    self.init(documents: collection.map { TermBag.terms(of: $0) })
  }

  /// Builds the weighting from passages already reduced to their terms.
  public init(documents: [[String]]) {
    var df: [String: Int] = [:]
    for terms in documents { for term in Set(terms) { df[term, default: 0] += 1 } }
    let n = Double(documents.count)
    idf = df.mapValues { log((n + 1) / (Double($0) + 1)) + 1 }
    defaultIDF = log(n + 1) + 1
  }

  /// The weight of a term.
  public func weight(_ term: String) -> Double { idf[term] ?? defaultIDF }

  /// A sentence prepared for repeated comparison.
  public struct Prepared: Sendable {
    var bag: TermBag
    /// Word count.
    var length: Int
    /// Distinct words as interned ids, sorted.
    var wordSet: [Int32]
    /// Distinct word bigrams (two ids packed), sorted.
    var bigrams: [Int64]
    var numbers: Set<String>
  }

  /// Prepares `text`; prepared sentences to compare must share `vocabulary`.
  public func prepare(_ text: String, vocabulary: inout [String: Int32]) -> Prepared {
    prepare(tokens: Tokenizer.tokenize(TextNormalizer.normalize(text)), vocabulary: &vocabulary)
  }

  /// Prepares a sentence already tokenised.
  public func prepare(tokens: [Token], vocabulary: inout [String: Int32]) -> Prepared {
    let bag = TermBag(terms: TermBag.terms(of: tokens), vocabulary: &vocabulary, weight: weight)
    // Word ids: the term id when the word is its own term, otherwise a negative id of its own.
    let ids = tokens.map { token -> Int32 in
      if let id = vocabulary[token.text] { return id }
      let id = -Int32(vocabulary.count) - 1
      vocabulary[token.text] = id
      return id
    }
    var bigrams: [Int64] = []
    for i in ids.indices.dropLast() { bigrams.append(Int64(ids[i]) << 32 | Int64(UInt32(bitPattern: ids[i + 1]))) }
    return Prepared(
      bag: bag, length: ids.count, wordSet: Array(Set(ids)).sorted(), bigrams: Array(Set(bigrams)).sorted(),
      numbers: Set(tokens.filter(\.isNumber).map(\.text)))
  }

  /// The feature vector of a pair.
  public static func features(_ a: Prepared, _ b: Prepared) -> [Double] {
    func common<T: Comparable>(_ x: [T], _ y: [T]) -> Int { SortedArrays.intersection(x, y).count }
    func dice<T: Comparable>(_ x: [T], _ y: [T]) -> Double {
      x.count + y.count == 0 ? 0 : 2 * Double(common(x, y)) / Double(x.count + y.count)
    }
    let mismatch =
      !a.numbers.isEmpty && !b.numbers.isEmpty && !a.numbers.isSubset(of: b.numbers)
      && !b.numbers.isSubset(of: a.numbers)
    let shorter = min(a.wordSet.count, b.wordSet.count)
    let lengthRatio =
      max(a.length, b.length) == 0 ? 0 : Double(min(a.length, b.length)) / Double(max(a.length, b.length))
    return [
      a.bag.cosine(b.bag), dice(a.wordSet, b.wordSet), dice(a.bigrams, b.bigrams), mismatch ? 1 : 0, lengthRatio,
      shorter == 0 ? 0 : Double(common(a.wordSet, b.wordSet)) / Double(shorter),
    ]
  }

  /// The paraphrase probability of two prepared sentences, with `weights` (default: frozen).
  public static func probability(_ a: Prepared, _ b: Prepared, weights: [Double] = weights) -> Double {
    logistic(features(a, b), weights: weights)
  }

  /// `1 / (1 + e^-(w·x + bias))`.
  public static func logistic(_ x: [Double], weights: [Double]) -> Double {
    var z = weights[x.count]
    for (xi, wi) in zip(x, weights) { z += xi * wi }
    return 1 / (1 + exp(-z))
  }

  /// The paraphrase probability of two sentences.
  public func score(_ a: String, _ b: String) -> Double {
    var vocabulary: [String: Int32] = [:]
    return Self.probability(prepare(a, vocabulary: &vocabulary), prepare(b, vocabulary: &vocabulary))
  }

  /// Fits logistic weights by batch gradient descent (for calibration; deterministic).
  public static func fit(features: [[Double]], labels: [Bool], iterations: Int = 3000, rate: Double = 1) -> [Double] {
    guard let width = features.first?.count else { return [] }
    var w = [Double](repeating: 0, count: width + 1)
    let n = Double(features.count)
    for _ in 0..<iterations {
      var gradient = [Double](repeating: 0, count: width + 1)
      for (x, y) in zip(features, labels) {
        let error = logistic(x, weights: w) - (y ? 1 : 0)
        for k in 0..<width { gradient[k] += error * x[k] }
        gradient[width] += error
      }
      for k in 0...width { w[k] -= rate * gradient[k] / n }
    }
    return w
  }
}
