import HeapModule

/// Agglomerative clustering with average linkage over a sparse similarity graph.
///
/// The similarity of two clusters is the sum of their members' pair scores divided by the
/// product of their sizes; pairs that were never scored count as 0. Clusters merge, best
/// first, while that mean is at least the threshold. Average linkage does not chain: one
/// article that resembles two stories cannot glue them together, as single linkage would.
/// Pairs marked as conflicts (the same wording with different numbers: two editions of a
/// template report) are cannot-link constraints: clusters holding such a pair never merge,
/// however similar the rest of their members are.
/// Ties are broken by cluster index, so the result depends only on the input order of
/// articles, which ``StoryGrouper`` fixes by sorting.
public enum AverageLinkClusterer {
  struct Candidate: Comparable {
    var mean: Double
    var a: Int32
    var b: Int32
    var versionA: Int32
    var versionB: Int32

    static func < (l: Candidate, r: Candidate) -> Bool {
      if l.mean != r.mean { return l.mean < r.mean }
      if l.a != r.a { return l.a > r.a }
      return l.b > r.b
    }
  }

  /// Cluster labels (the index of a representative member) for `count` items.
  /// - Parameters:
  ///   - edges: scored pairs; only pairs with a positive score matter.
  ///   - threshold: the smallest mean similarity at which two clusters merge.
  /// - Complexity: O(E log E) heap operations, each merge costing the smaller cluster's degree.
  public static func cluster(
    count: Int, edges: [(Int32, Int32, Double)], conflicts: [(Int32, Int32)] = [], threshold: Double
  ) -> [Int32] {
    var neighbours = [[Int32: Double]](repeating: [:], count: count)
    var cannotLink = [Set<Int32>](repeating: [], count: count)
    for (a, b) in conflicts {
      cannotLink[Int(a)].insert(b)
      cannotLink[Int(b)].insert(a)
    }
    var size = [Int32](repeating: 1, count: count)
    var version = [Int32](repeating: 0, count: count)
    var parent = (0..<count).map { Int32($0) }
    var heap = Heap<Candidate>()
    for (a, b, s) in edges where s > 0 {
      neighbours[Int(a)][b, default: 0] += s
      neighbours[Int(b)][a, default: 0] += s
    }
    for (a, b, _) in edges {
      let s = neighbours[Int(a)][b] ?? 0
      if s >= threshold { heap.insert(Candidate(mean: s, a: min(a, b), b: max(a, b), versionA: 0, versionB: 0)) }
    }
    while let top = heap.popMax() {
      let a = Int(top.a)
      let b = Int(top.b)
      guard parent[a] == top.a, parent[b] == top.b, version[a] == top.versionA, version[b] == top.versionB
      else { continue }
      if cannotLink[a].contains(top.b) { continue }
      // Merge the cluster with fewer neighbours into the other.
      let (keep, gone) = neighbours[a].count >= neighbours[b].count ? (a, b) : (b, a)
      let goneEdges = neighbours[gone]
      neighbours[gone] = [:]
      neighbours[keep][Int32(gone)] = nil
      for (other, sum) in goneEdges where Int(other) != keep {
        neighbours[Int(other)][Int32(gone)] = nil
        neighbours[keep][other, default: 0] += sum
        neighbours[Int(other)][Int32(keep)] = neighbours[keep][other]
      }
      let goneConflicts = cannotLink[gone]
      cannotLink[gone] = []
      for other in goneConflicts {
        cannotLink[Int(other)].remove(Int32(gone))
        cannotLink[Int(other)].insert(Int32(keep))
        cannotLink[keep].insert(other)
      }
      size[keep] += size[gone]
      parent[gone] = Int32(keep)
      version[keep] += 1
      for (other, sum) in neighbours[keep] {
        let mean = sum / (Double(size[keep]) * Double(size[Int(other)]))
        guard mean >= threshold else { continue }
        let (x, y) = (min(Int32(keep), other), max(Int32(keep), other))
        heap.insert(Candidate(mean: mean, a: x, b: y, versionA: version[Int(x)], versionB: version[Int(y)]))
      }
    }
    func root(_ x: Int32) -> Int32 {
      var r = x
      while parent[Int(r)] != r { r = parent[Int(r)] }
      return r
    }
    return (0..<count).map { root(Int32($0)) }
  }
}
