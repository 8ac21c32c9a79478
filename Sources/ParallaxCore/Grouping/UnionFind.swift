/// Disjoint sets over `0..<count` (path compression); a union keeps the smaller root, so the
/// sets' roots never depend on the order of unions.
struct UnionFind {
  private var parent: [Int]

  init(count: Int) { parent = Array(0..<count) }

  /// The root of `x`'s set.
  mutating func find(_ x: Int) -> Int {
    var root = x
    while parent[root] != root { root = parent[root] }
    var node = x
    while parent[node] != root {
      let next = parent[node]
      parent[node] = root
      node = next
    }
    return root
  }

  /// Joins the sets of `x` and `y`.
  mutating func union(_ x: Int, _ y: Int) {
    let (rx, ry) = (find(x), find(y))
    if rx != ry { parent[max(rx, ry)] = min(rx, ry) }
  }
}
