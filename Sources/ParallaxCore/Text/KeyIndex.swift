/// A map from 64-bit keys (term hashes, article ids, packed pairs of positions) to small
/// non-negative numbers, by open addressing with linear probing: the lookups grouping makes
/// by the million (every term of every article of a pass; every pair of a neighbourhood)
/// without a `Dictionary`'s per-lookup SipHash.
///
/// Keys are mixed with a seed drawn once per process before the table position is taken, so
/// that keys chosen by a feed's author (term hashes are FNV-1a of its words) cannot be aimed
/// at one run of slots. The table keeps at least half its slots empty.
struct KeyIndex: Sendable {
  private var keys: [UInt64]
  /// The value at each slot, or -1 where the slot is empty.
  private var values: [Int32]
  /// 64 minus the table size's power of two.
  private var shift: UInt64
  /// How many keys the table holds.
  private(set) var count = 0

  /// A table with room for `capacity` keys before it grows.
  init(capacity: Int = 0) {
    var bits: UInt64 = 4
    while (1 << bits) < max(16, capacity * 2) { bits += 1 }
    shift = 64 - bits
    keys = [UInt64](repeating: 0, count: 1 << bits)
    values = [Int32](repeating: -1, count: 1 << bits)
  }

  /// The per-process seed of the mix.
  private static let seed = UInt64.random(in: .min ... .max)

  /// The first slot to probe for `key`: the seeded key through MurmurHash3's finaliser,
  /// whose top bits all depend on every key bit.
  @inline(__always)
  private func home(_ key: UInt64) -> Int {
    var x = key ^ Self.seed
    x ^= x >> 33
    x = x &* 0xff51_afd7_ed55_8ccd
    x ^= x >> 33
    x = x &* 0xc4ce_b9fe_1a85_ec53
    x ^= x >> 33
    return Int(x >> shift)
  }

  /// The value of `key`, when held.
  @inline(__always)
  subscript(key: UInt64) -> Int32? {
    let mask = values.count - 1
    var slot = home(key)
    while true {
      let value = values[slot]
      if value < 0 { return nil }
      if keys[slot] == key { return value }
      slot = (slot + 1) & mask
    }
  }

  /// The value of `key`; when it is not held, `make()` is stored for it and returned.
  @inline(__always)
  mutating func value(of key: UInt64, orInsert make: () -> Int32) -> Int32 {
    if (count + 1) * 2 > values.count { grow() }
    let mask = values.count - 1
    var slot = home(key)
    while true {
      let value = values[slot]
      if value < 0 {
        let new = make()
        precondition(new >= 0, "KeyIndex holds non-negative values")
        keys[slot] = key
        values[slot] = new
        count += 1
        return new
      }
      if keys[slot] == key { return value }
      slot = (slot + 1) & mask
    }
  }

  /// Doubles the table, placing every key again.
  private mutating func grow() {
    let (oldKeys, oldValues) = (keys, values)
    shift -= 1
    keys = [UInt64](repeating: 0, count: oldValues.count * 2)
    values = [Int32](repeating: -1, count: oldValues.count * 2)
    count = 0
    for (key, value) in zip(oldKeys, oldValues) where value >= 0 { _ = self.value(of: key, orInsert: { value }) }
  }
}
