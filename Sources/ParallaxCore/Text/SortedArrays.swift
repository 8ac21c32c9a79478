/// Operations on arrays sorted in increasing order, by merging instead of hashing.
enum SortedArrays {
  /// Elements common to two sorted arrays, in order.
  /// - Complexity: O(m + n).
  static func intersection<T: Comparable>(_ a: [T], _ b: [T]) -> [T] {
    var i = 0
    var j = 0
    var out: [T] = []
    while i < a.count && j < b.count {
      if a[i] == b[j] {
        out.append(a[i])
        i += 1
        j += 1
      } else if a[i] < b[j] {
        i += 1
      } else {
        j += 1
      }
    }
    return out
  }
}
