import Foundation
import ParallaxCore

/// An ``ArticleSignature`` as the store keeps it: every term replaced by its 64-bit FNV-1a
/// hash, so that the store needs no vocabulary table and regrouping never reads article
/// text again. Encoded as a little-endian blob.
struct HashedSignature: Sendable, Hashable {
  var terms: [UInt64]
  var counts: [Int32]
  var entities: [UInt64]
  var numbers: [UInt64]
  var contexts: [NumberContext]

  init(_ signature: ArticleSignature) {
    let rows = signature.termCounts.map { (StoryID.fnv1a($0.key), Int32(clamping: $0.value)) }.sorted { $0.0 < $1.0 }
    terms = rows.map(\.0)
    counts = rows.map(\.1)
    entities = signature.entityKeys.map(StoryID.fnv1a).sorted()
    numbers = signature.numbers.keys.map(StoryID.fnv1a).sorted()
    contexts = signature.numberContexts.map {
      NumberContext(context: StoryID.fnv1a($0.key), numbers: $0.value.map(StoryID.fnv1a).sorted())
    }.sorted { $0.context != $1.context ? $0.context < $1.context : $0.numbers.lexicographicallyPrecedes($1.numbers) }
  }

  /// The blob form.
  var encoded: Data {
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
    return Data(out)
  }

  /// Decodes a blob; nil when it is damaged.
  init?(_ data: Data) {
    var offset = 0
    var damaged = false
    func read32() -> UInt32 {
      guard offset + 4 <= data.count else {
        damaged = true
        return 0
      }
      var v: UInt32 = 0
      for i in 0..<4 { v |= UInt32(data[data.startIndex + offset + i]) << (8 * i) }
      offset += 4
      return v
    }
    func read64() -> UInt64 {
      guard offset + 8 <= data.count else {
        damaged = true
        return 0
      }
      var v: UInt64 = 0
      for i in 0..<8 { v |= UInt64(data[data.startIndex + offset + i]) << (8 * i) }
      offset += 8
      return v
    }
    func many64(_ n: UInt32) -> [UInt64] {
      guard Int(n) * 8 <= data.count - offset else {
        damaged = true
        return []
      }
      return (0..<n).map { _ in read64() }
    }
    let n = read32()
    terms = many64(n)
    counts = damaged || Int(n) * 4 > data.count - offset ? [] : (0..<n).map { _ in Int32(bitPattern: read32()) }
    entities = many64(read32())
    numbers = many64(read32())
    let c = read32()
    contexts = []
    guard Int(c) * 12 <= data.count - offset else { return nil }
    for _ in 0..<c {
      let context = read64()
      let numbers = many64(read32())
      contexts.append(NumberContext(context: context, numbers: numbers))
    }
    if damaged || counts.count != terms.count { return nil }
  }
}
