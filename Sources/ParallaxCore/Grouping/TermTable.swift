/// Dense numbering of the 64-bit term hashes one grouping pass meets, so that counting,
/// weighting and posting lists run over arrays indexed by a small id instead of hash tables
/// keyed by the hash. Ids follow first appearance; ``ranks()`` gives the hash order that
/// scoring needs (every floating-point sum in one canonical order, whatever the batch).
/// Looked up through a ``KeyIndex`` (a pass looks up every term of every article).
struct TermTable {
  /// The hash of each id.
  private(set) var hashes: [UInt64] = []
  private var index: KeyIndex

  init(capacity: Int = 0) {
    hashes.reserveCapacity(capacity)
    index = KeyIndex(capacity: capacity)
  }

  var count: Int { hashes.count }

  /// The id of `hash`, numbering it when new.
  mutating func id(_ hash: UInt64) -> Int32 {
    let next = Int32(hashes.count)
    let id = index.value(of: hash, orInsert: { next })
    if id == next { hashes.append(hash) }
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
