/// Dense numbering of the 64-bit term hashes one grouping pass meets, so that counting,
/// weighting and posting lists run over arrays indexed by a small id instead of hash tables
/// keyed by the hash. Ids follow first appearance; ``ranks()`` gives the hash order that
/// scoring needs (every floating-point sum in one canonical order, whatever the batch).
struct TermTable {
  /// The hash of each id.
  private(set) var hashes: [UInt64] = []
  private var index: [UInt64: Int32] = [:]

  init(capacity: Int = 0) {
    hashes.reserveCapacity(capacity)
    index.reserveCapacity(capacity)
  }

  var count: Int { hashes.count }

  /// The id of `hash`, numbering it when new.
  mutating func id(_ hash: UInt64) -> Int32 {
    if let id = index[hash] { return id }
    let id = Int32(hashes.count)
    hashes.append(hash)
    index[hash] = id
    return id
  }

  /// The id of `hash`, when numbered.
  func existing(_ hash: UInt64) -> Int32? { index[hash] }

  /// For each id, its position among all numbered hashes in increasing order.
  func ranks() -> [Int32] {
    let order = hashes.indices.sorted { hashes[$0] < hashes[$1] }
    var rank = [Int32](repeating: 0, count: hashes.count)
    for (position, id) in order.enumerated() { rank[id] = Int32(position) }
    return rank
  }
}
