/// Scores a predicted grouping against gold labels: B-cubed precision, recall and F1, and
/// the adjusted Rand index.
public struct ClusteringMetrics: Sendable, Hashable, Codable {
  public var precision: Double
  public var recall: Double
  public var f1: Double
  public var adjustedRandIndex: Double
  public var items: Int
  public var predictedClusters: Int
  public var goldClusters: Int

  /// Compares `predicted` with `gold`, both labels for the same items in the same order.
  /// - Complexity: O(n).
  public init<P: Hashable, G: Hashable>(predicted: [P], gold: [G]) {
    precondition(predicted.count == gold.count, "one label per item on each side")
    let n = predicted.count
    var joint: [JointKey<P, G>: Int] = [:]
    var predictedSizes: [P: Int] = [:]
    var goldSizes: [G: Int] = [:]
    for (p, g) in zip(predicted, gold) {
      joint[JointKey(p: p, g: g), default: 0] += 1
      predictedSizes[p, default: 0] += 1
      goldSizes[g, default: 0] += 1
    }
    // B-cubed: each item's precision is |its cluster ∩ its class| / |its cluster|.
    var precisionSum = 0.0
    var recallSum = 0.0
    for (key, overlap) in joint {
      let o = Double(overlap)
      precisionSum += o * o / Double(predictedSizes[key.p]!)
      recallSum += o * o / Double(goldSizes[key.g]!)
    }
    precision = n > 0 ? precisionSum / Double(n) : 1
    recall = n > 0 ? recallSum / Double(n) : 1
    f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    func pairs(_ x: Int) -> Double { Double(x) * Double(x - 1) / 2 }
    let index = joint.values.reduce(0) { $0 + pairs($1) }
    let a = predictedSizes.values.reduce(0) { $0 + pairs($1) }
    let b = goldSizes.values.reduce(0) { $0 + pairs($1) }
    let expected = n > 1 ? a * b / pairs(n) : 0
    let maximum = (a + b) / 2
    adjustedRandIndex = maximum - expected == 0 ? 1 : (index - expected) / (maximum - expected)
    items = n
    predictedClusters = predictedSizes.count
    goldClusters = goldSizes.count
  }
}

/// A (predicted, gold) label pair, for the contingency table.
struct JointKey<P: Hashable, G: Hashable>: Hashable {
  var p: P
  var g: G
}
