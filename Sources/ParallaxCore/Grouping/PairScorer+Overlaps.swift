/// How a pair's shared names, numbers and lead words are counted: by merging the two
/// sorted sets (``MergedOverlaps``, for one pair), or by looking up the second article's
/// ids in marks the first scattered once (``MarkedOverlaps``, for many pairs sharing their
/// first article). Both give the same counts, and the same sums in the same order.
protocol PairOverlaps {
  /// The summed IDF of the names and numbers both carry, in increasing id order.
  func entityMass(_ a: Int, _ b: Int) -> Double
  /// How many numbers both carry.
  func numbers(_ a: Int, _ b: Int) -> Int
  /// How many rare names (not numbers) both carry.
  func rareNames(_ a: Int, _ b: Int) -> Int
  /// How many rare names both leads carry.
  func leadRareNames(_ a: Int, _ b: Int) -> Int
  /// How many lead content words both leads carry.
  func leadWords(_ a: Int, _ b: Int) -> Int
}

/// Overlaps counted by merging the two sorted sets.
struct MergedOverlaps: PairOverlaps {
  let scorer: PairScorer

  func entityMass(_ a: Int, _ b: Int) -> Double {
    PairScorer.sharedMass(scorer.space.entities[a], scorer.space.entities[b], idf: scorer.space.idf)
  }
  func numbers(_ a: Int, _ b: Int) -> Int { PairScorer.sharedCount(scorer.space.numbers[a], scorer.space.numbers[b]) }
  func rareNames(_ a: Int, _ b: Int) -> Int { scorer.rareNames(a, b) }
  func leadRareNames(_ a: Int, _ b: Int) -> Int { scorer.leadRareNames(a, b) }
  func leadWords(_ a: Int, _ b: Int) -> Int { PairScorer.sharedCount(scorer.leadWords[a], scorer.leadWords[b]) }
}

/// Overlaps counted against the first article's marks (``ScatteredArticle``): a walk of
/// the second article's ids alone, without a merge's unpredictable branches.
struct MarkedOverlaps: PairOverlaps {
  let scorer: PairScorer
  let marks: UnsafeMutableBufferPointer<UInt8>

  /// How many of `ids` carry `bit`.
  @inline(__always)
  private func count(_ ids: [Int32], _ bit: UInt8) -> Int {
    var n = 0
    for id in ids where marks[Int(id)] & bit != 0 { n += 1 }
    return n
  }

  func entityMass(_ a: Int, _ b: Int) -> Double {
    let idf = scorer.space.idf
    var sum = 0.0
    for id in scorer.space.entities[b] where marks[Int(id)] & ScatteredArticle.entity != 0 { sum += idf[Int(id)] }
    return sum
  }
  func numbers(_ a: Int, _ b: Int) -> Int { count(scorer.space.numbers[b], ScatteredArticle.number) }
  func rareNames(_ a: Int, _ b: Int) -> Int { count(scorer.rare[b], ScatteredArticle.rare) }
  func leadRareNames(_ a: Int, _ b: Int) -> Int { count(scorer.rareInLead[b], ScatteredArticle.rareInLead) }
  func leadWords(_ a: Int, _ b: Int) -> Int { count(scorer.leadWords[b], ScatteredArticle.leadWord) }
}

/// One scoring worker's dense view of the article its current pairs share: its vector's
/// weights and, per term id, a bit for each set holding it. Scattered once for a run of
/// pairs, cleared (only what was written) before the next article.
final class ScatteredArticle {
  static let entity: UInt8 = 1
  static let number: UInt8 = 2
  static let rare: UInt8 = 4
  static let rareInLead: UInt8 = 8
  static let leadWord: UInt8 = 16

  let weights: UnsafeMutableBufferPointer<Float>
  let marks: UnsafeMutableBufferPointer<UInt8>
  /// The article scattered now, or -1.
  private(set) var article = -1

  init(vocabulary: Int) {
    weights = .allocate(capacity: vocabulary)
    weights.initialize(repeating: 0)
    marks = .allocate(capacity: vocabulary)
    marks.initialize(repeating: 0)
  }

  deinit {
    weights.deallocate()
    marks.deallocate()
  }

  /// Makes `a` (of `scorer`'s space) the scattered article.
  func scatter(_ a: Int, of scorer: PairScorer) {
    guard a != article else { return }
    if article >= 0 { clear(scorer) }
    scorer.space.vectors[a].scatter(into: weights)
    for (set, bit) in sets(a, scorer) { for id in set { marks[Int(id)] |= bit } }
    article = a
  }

  private func clear(_ scorer: PairScorer) {
    scorer.space.vectors[article].clear(weights)
    for (set, _) in sets(article, scorer) { for id in set { marks[Int(id)] = 0 } }
  }

  private func sets(_ a: Int, _ scorer: PairScorer) -> [([Int32], UInt8)] {
    [
      (scorer.space.entities[a], Self.entity), (scorer.space.numbers[a], Self.number), (scorer.rare[a], Self.rare),
      (scorer.rareInLead[a], Self.rareInLead), (scorer.leadWords[a], Self.leadWord),
    ]
  }
}
