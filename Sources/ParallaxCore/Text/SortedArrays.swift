/// Operations on arrays sorted in increasing order, by merging instead of hashing.
enum SortedArrays {
  /// Calls `body` with the positions in `a` and in `b` of each element the two share, in
  /// increasing order. The one merge loop the intersections, overlaps and dot products use.
  /// - Complexity: O(m + n).
  @inline(__always)
  static func forEachShared<T: Comparable>(_ a: [T], _ b: [T], _ body: (Int, Int) -> Void) {
    var i = 0
    var j = 0
    while i < a.count && j < b.count {
      if a[i] == b[j] {
        body(i, j)
        i += 1
        j += 1
      } else if a[i] < b[j] {
        i += 1
      } else {
        j += 1
      }
    }
  }

  /// Whether sorted `a` holds `value` (binary search).
  static func contains<T: Comparable>(_ a: [T], _ value: T) -> Bool {
    var (low, high) = (0, a.count)
    while low < high {
      let mid = (low + high) / 2
      if a[mid] < value { low = mid + 1 } else { high = mid }
    }
    return low < a.count && a[low] == value
  }

  /// Elements common to two sorted arrays, in order.
  static func intersection<T: Comparable>(_ a: [T], _ b: [T]) -> [T] {
    var out: [T] = []
    forEachShared(a, b) { i, _ in out.append(a[i]) }
    return out
  }

  /// The distinct elements of sorted `a` that sorted `b` does not hold, in order.
  static func subtracting<T: Comparable>(_ a: [T], _ b: [T]) -> [T] {
    var out: [T] = []
    var j = 0
    for x in a where out.last != x {
      while j < b.count && b[j] < x { j += 1 }
      if j < b.count && b[j] == x { continue }
      out.append(x)
    }
    return out
  }
}
