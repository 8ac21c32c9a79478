import Foundation

/// An ``ArticleSignature`` as the store keeps it: every term replaced by its 64-bit FNV-1a
/// hash, so that the store needs no vocabulary table and regrouping never reads article
/// text again. Encoded as a little-endian blob.
public struct HashedSignature: Sendable, Hashable {
  /// Term hashes of the lead, increasing, parallel to `counts`.
  public var terms: [UInt64]
  public var counts: [Int32]
  /// Hashes of the name and number terms, increasing.
  public var entities: [UInt64]
  /// Hashes of the number terms, increasing.
  public var numbers: [UInt64]
  public var contexts: [NumberContext]
  /// Days of the week the lead names, one bit each (0 in signatures stored before store
  /// format 5, and when none is named: no evidence either way).
  public var weekdays: UInt8 = 0
  /// Each quotation of the lead's body as its distinct term hashes, increasing (empty in
  /// signatures stored before store format 10).
  public var quotes: [[UInt64]] = []
  /// Hashes of the lead's terms (``ArticleSignature/leadTerms``), increasing (empty in
  /// signatures stored before store format 10).
  public var leadTerms: [UInt64] = []
  /// Hashes of the title's terms (``ArticleSignature/titleTerms``), increasing (empty in
  /// signatures stored before store format 11, and for untitled articles).
  public var titleTerms: [UInt64] = []
  /// The language the terms were read in (English in signatures stored before store format
  /// 12).
  public var language: Language = .english

  public init(_ signature: ArticleSignature) {
    let rows = signature.termCounts.map { (StoryID.fnv1a($0.key), Int32(clamping: $0.value)) }.sorted { $0.0 < $1.0 }
    terms = rows.map(\.0)
    counts = rows.map(\.1)
    entities = signature.entityKeys.map(StoryID.fnv1a).sorted()
    numbers = signature.numbers.keys.map(StoryID.fnv1a).sorted()
    contexts = signature.numberContexts
    weekdays = signature.weekdays
    quotes = signature.quotes.map { $0.map(StoryID.fnv1a).sorted() }
    leadTerms = Self.distinct(signature.leadTerms.map(StoryID.fnv1a).sorted())
    titleTerms = Self.distinct(signature.titleTerms.map(StoryID.fnv1a).sorted())
    language = signature.language
  }

  /// The signature of `article` as grouping reads it: its title and first
  /// `parameters.leadTokens` tokens (``ArticleSignature/init(article:leadTokens:)``), hashed.
  /// The one way an article is signed, for memory and store alike.
  public init(article: Article, parameters: GroupingParameters = .default) {
    self.init(ArticleSignature(article: article, leadTokens: parameters.leadTokens))
  }

  /// Increasing `sorted` without repeats.
  static func distinct(_ sorted: [UInt64]) -> [UInt64] {
    var out: [UInt64] = []
    out.reserveCapacity(sorted.count)
    for value in sorted where out.last != value { out.append(value) }
    return out
  }

  /// FNV-1a 64 of the blob form: equal signatures have equal digests. Articles with one
  /// signature score alike against every other article, so the engine groups them as one
  /// (``GroupingEngine``: identical copies).
  public var digest: UInt64 { Self.digest(of: encoded) }

  /// The digest of a blob made by ``encoded``.
  public static func digest(of blob: Data) -> UInt64 {
    blob.withUnsafeBytes { raw in
      var hash = StoryID.offsetBasis
      for byte in raw {
        hash ^= UInt64(byte)
        hash = hash &* StoryID.prime
      }
      return hash
    }
  }

  /// The blob form.
  public var encoded: Data {
    var out = [UInt8]()
    out.reserveCapacity(16 + terms.count * 12 + (entities.count + numbers.count) * 8 + contexts.count * 24)
    func put32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
    func put64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
    put32(UInt32(terms.count))
    terms.forEach(put64)
    counts.forEach { put32(UInt32(bitPattern: $0)) }
    put32(UInt32(entities.count))
    entities.forEach(put64)
    put32(UInt32(numbers.count))
    numbers.forEach(put64)
    put32(UInt32(contexts.count))
    for context in contexts {
      put64(context.context)
      put32(UInt32(context.numbers.count))
      context.numbers.forEach(put64)
    }
    // Added in store format 5; older blobs end before it.
    put32(UInt32(weekdays))
    // Added in store format 10; older blobs end before it.
    put32(UInt32(quotes.count))
    for quote in quotes {
      put32(UInt32(quote.count))
      quote.forEach(put64)
    }
    put32(UInt32(leadTerms.count))
    leadTerms.forEach(put64)
    // Added in store format 11; older blobs end before it.
    put32(UInt32(titleTerms.count))
    titleTerms.forEach(put64)
    // Added in store format 12; older blobs end before it.
    let code = Array(language.rawValue.utf8)
    put32(UInt32(code.count))
    out.append(contentsOf: code)
    return Data(out)
  }

  /// Decodes a blob; nil when it is damaged.
  public init?(_ data: Data) {
    guard
      let decoded = data.withUnsafeBytes({ (raw: UnsafeRawBufferPointer) -> HashedSignature? in
        var reader = BlobReader(raw: raw)
        return HashedSignature(reading: &reader)
      })
    else { return nil }
    self = decoded
  }

  private init?(reading r: inout BlobReader) {
    guard let n = r.u32(), let terms = r.u64s(n) else { return nil }
    var counts: [Int32] = []
    counts.reserveCapacity(Int(n))
    for _ in 0..<n {
      guard let c = r.u32() else { return nil }
      counts.append(Int32(bitPattern: c))
    }
    guard let ne = r.u32(), let entities = r.u64s(ne), let nn = r.u32(), let numbers = r.u64s(nn), let nc = r.u32()
    else { return nil }
    var contexts: [NumberContext] = []
    for _ in 0..<nc {
      guard let context = r.u64(), let k = r.u32(), let values = r.u64s(k) else { return nil }
      contexts.append(NumberContext(context: context, numbers: values))
    }
    self.terms = terms
    self.counts = counts
    self.entities = entities
    self.numbers = numbers
    self.contexts = contexts
    guard r.offset < r.raw.count else { return }  // a blob from before store format 5
    guard let days = r.u32() else { return nil }
    weekdays = UInt8(truncatingIfNeeded: days)
    guard r.offset < r.raw.count else { return }  // a blob from before store format 10
    guard let nq = r.u32(), Int(nq) <= (r.raw.count - r.offset) / 4 else { return nil }
    for _ in 0..<nq {
      guard let k = r.u32(), let terms = r.u64s(k) else { return nil }
      quotes.append(terms)
    }
    guard let nl = r.u32(), let names = r.u64s(nl) else { return nil }
    leadTerms = names
    guard r.offset < r.raw.count else { return }  // a blob from before store format 11
    guard let nt = r.u32(), let title = r.u64s(nt) else { return nil }
    titleTerms = title
    guard r.offset < r.raw.count else { return }  // a blob from before store format 12
    guard let nc = r.u32(), nc <= 8, r.offset + Int(nc) <= r.raw.count else { return nil }
    let code = String(decoding: r.raw[r.offset..<(r.offset + Int(nc))], as: UTF8.self)
    r.offset += Int(nc)
    guard let language = Language(rawValue: code) else { return nil }
    self.language = language
    guard r.offset == r.raw.count else { return nil }
  }
}

/// Reads little-endian integers from a blob, failing (nil) past its end.
struct BlobReader {
  let raw: UnsafeRawBufferPointer
  var offset = 0

  init(raw: UnsafeRawBufferPointer) { self.raw = raw }

  mutating func u32() -> UInt32? {
    guard offset + 4 <= raw.count else { return nil }
    defer { offset += 4 }
    return UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
  }

  mutating func u64() -> UInt64? {
    guard offset + 8 <= raw.count else { return nil }
    defer { offset += 8 }
    return UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
  }

  mutating func u64s(_ n: UInt32) -> [UInt64]? {
    guard Int(n) <= (raw.count - offset) / 8 else { return nil }
    var out: [UInt64] = []
    out.reserveCapacity(Int(n))
    for _ in 0..<n { out.append(u64()!) }
    return out
  }
}
