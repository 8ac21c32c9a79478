/// A unit-length sparse vector over interned term ids, sorted by id.
public struct SparseVector: Sendable, Hashable {
  /// Term ids in increasing order.
  public private(set) var ids: [Int32]
  /// Weights matching `ids`.
  public private(set) var weights: [Float]

  /// Builds a vector from (id, weight) pairs, normalised to unit length.
  public init(_ pairs: [(Int32, Float)]) {
    let sorted = pairs.sorted { $0.0 < $1.0 }
    let norm = sorted.reduce(Float(0)) { $0 + $1.1 * $1.1 }.squareRoot()
    ids = sorted.map(\.0)
    weights = sorted.map { norm > 0 ? $0.1 / norm : 0 }
  }

  /// The dot product (cosine, as both are unit length).
  /// - Complexity: O(m + n).
  public func dot(_ other: SparseVector) -> Double {
    var i = 0
    var j = 0
    var sum: Float = 0
    ids.withUnsafeBufferPointer { a in
      other.ids.withUnsafeBufferPointer { b in
        while i < a.count && j < b.count {
          if a[i] == b[j] {
            sum += weights[i] * other.weights[j]
            i += 1
            j += 1
          } else if a[i] < b[j] {
            i += 1
          } else {
            j += 1
          }
        }
      }
    }
    return Double(sum)
  }

}
