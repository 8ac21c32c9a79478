/// What an article reports, in the hashed form the grouping engine compares without the
/// text: its numbers (the signature's number terms) and its quotations (each one's content
/// terms), beside the signature's terms (for telling a re-quoted passage from a new one).
///
/// It approximates ``NewFacts`` on the lead: a number value the other lacks is a new fact,
/// as is a quotation that no quotation of the other matches (Dice ≥ 0.5 on terms, or holds
/// one of two or more terms whole) and whose terms the other's text mostly lacks (under
/// half). A follow-up reports new numbers and new quotations; a rewrite restates the ones it
/// keeps. Attributions and names are left out: outlets differ in who they credit, and
/// names are what a thread shares.
public struct FactPrint: Sendable, Hashable {
  /// Hashes of the number terms (`"#:1000"`), increasing.
  public var numbers: [UInt64]
  /// Each quotation's distinct term hashes, increasing (quotations without terms left out).
  public var quotes: [[UInt64]]
  /// Hashes of every term of the lead, increasing.
  public var terms: [UInt64]
  /// Hashes of the title's terms, increasing (empty when unknown).
  public var title: [UInt64]

  public init(numbers: [UInt64], quotes: [[UInt64]], terms: [UInt64], title: [UInt64] = []) {
    self.numbers = numbers
    self.quotes = quotes
    self.terms = terms
    self.title = title
  }

  /// The print of a signed article: its numbers, its lead's quotations, its terms and its
  /// title's terms.
  public init(signature: HashedSignature) {
    self.init(numbers: signature.numbers, quotes: signature.quotes, terms: signature.terms, title: signature.titleTerms)
  }

  /// The Dice overlap of two titles' terms (`2·shared / (|a| + |b|)`), or -1 when either
  /// title is unknown: versions of one report headline its event in shared words (in the
  /// labelled pairs every SAME pair shares a title word, median Dice 0.9), follow-ups
  /// headline a new development (median 0.2–0.3).
  public static func titleDice(_ a: FactPrint, _ b: FactPrint) -> Double {
    guard !a.title.isEmpty, !b.title.isEmpty else { return -1 }
    return 2 * Double(sharedCount(a.title, b.title)) / Double(a.title.count + b.title.count)
  }

  /// How many facts this print has that `other` lacks, and how many it has.
  public func added(over other: FactPrint) -> (added: Int, facts: Int) {
    var added = numbers.count - Self.sharedCount(numbers, other.numbers)
    for quote in quotes {
      let quotedThere = other.quotes.contains { there in
        let common = Self.sharedCount(quote, there)
        return 2 * common >= quote.count + there.count || (there.count >= 2 && common == there.count)
      }
      if quotedThere { continue }
      if 2 * Self.sharedCount(searching: quote, in: other.terms) < quote.count { added += 1 }
    }
    return (added, numbers.count + quotes.count)
  }

  /// Each side's share of its facts that the other lacks (0 for a side without facts):
  /// a rewrite restates most of what it keeps, a follow-up mostly reports what is new.
  public static func newShares(_ a: FactPrint, _ b: FactPrint) -> (first: Double, second: Double) {
    func share(_ x: (added: Int, facts: Int)) -> Double { x.facts == 0 ? 0 : Double(x.added) / Double(x.facts) }
    return (share(a.added(over: b)), share(b.added(over: a)))
  }

  /// The smaller of the two shares (``newShares(_:_:)``): near 0 when either article
  /// restates the other's facts (one report, one side perhaps trimmed), near 1 when each
  /// reports its own (a follow-up, another story).
  public static func novelty(_ a: FactPrint, _ b: FactPrint) -> Double {
    let shares = newShares(a, b)
    return min(shares.first, shares.second)
  }

  /// The smaller count of facts either print adds over the other.
  public static func newFacts(_ a: FactPrint, _ b: FactPrint) -> Int {
    min(a.added(over: b).added, b.added(over: a).added)
  }

  /// ``novelty(_:_:)`` and ``newFacts(_:_:)`` at once (each side compared once).
  public static func evidence(_ a: FactPrint, _ b: FactPrint) -> (novelty: Double, newFacts: Int) {
    let (x, y) = (a.added(over: b), b.added(over: a))
    func share(_ x: (added: Int, facts: Int)) -> Double { x.facts == 0 ? 0 : Double(x.added) / Double(x.facts) }
    return (min(share(x), share(y)), min(x.added, y.added))
  }

  /// How many values of short increasing `few` the long increasing `many` holds (a binary
  /// search each: a quotation's terms against a lead's).
  static func sharedCount(searching few: [UInt64], in many: [UInt64]) -> Int {
    guard few.count * 8 < many.count else { return sharedCount(few, many) }
    return few.reduce(0) { $0 + (SortedArrays.contains(many, $1) ? 1 : 0) }
  }

  /// How many values two increasing arrays share.
  static func sharedCount(_ a: [UInt64], _ b: [UInt64]) -> Int {
    var (i, j, count) = (0, 0, 0)
    while i < a.count && j < b.count {
      if a[i] == b[j] {
        count += 1
        i += 1
        j += 1
      } else if a[i] < b[j] {
        i += 1
      } else {
        j += 1
      }
    }
    return count
  }
}
