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
    var sum: Float = 0
    SortedArrays.forEachShared(ids, other.ids) { i, j in sum += weights[i] * other.weights[j] }
    return Double(sum)
  }

  /// Writes this vector's weights into `dense` (indexed by term id), for ``dot(scattered:)``.
  func scatter(into dense: UnsafeMutableBufferPointer<Float>) {
    for (id, weight) in zip(ids, weights) { dense[Int(id)] = weight }
  }

  /// Zeroes what ``scatter(into:)`` wrote.
  func clear(_ dense: UnsafeMutableBufferPointer<Float>) {
    for id in ids { dense[Int(id)] = 0 }
  }

  /// The dot product with a vector scattered into `dense`: the same sum, in the same
  /// order, as ``dot(_:)`` (terms the other lacks add an exact zero), without a merge's
  /// branches. For scoring one article against many.
  func dot(scattered dense: UnsafeMutableBufferPointer<Float>) -> Double {
    var sum: Float = 0
    ids.withUnsafeBufferPointer { ids in
      weights.withUnsafeBufferPointer { weights in
        for k in 0..<ids.count { sum += dense[Int(ids[k])] * weights[k] }
      }
    }
    return Double(sum)
  }
}
