/// Labelled sentence pairs (Microsoft Research Paraphrase Corpus layout) and the scoring of a
/// threshold rule on them.
public struct ParaphrasePair: Sendable, Hashable {
  public var id: String
  public var first: String
  public var second: String
  public var isParaphrase: Bool

  /// Parses tab-separated lines: `Quality`, `#1 ID`, `#2 ID`, `#1 String`, `#2 String`, with a
  /// header line. Lines that do not have five fields are skipped.
  public static func parseTSV(_ text: String) -> [ParaphrasePair] {
    var pairs: [ParaphrasePair] = []
    for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).dropFirst() {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count >= 5, let quality = Int(fields[0].trimmed) else { continue }
      pairs.append(
        ParaphrasePair(id: fields[1] + "-" + fields[2], first: fields[3], second: fields[4], isParaphrase: quality == 1)
      )
    }
    return pairs
  }

  /// Whether the pair belongs to the held-out part (a fixed 30 % chosen by FNV-1a of the id).
  public var isHeldOut: Bool { StoryID.fnv1a(id) % 10 >= 7 }
}

/// Accuracy, precision, recall and F1 of a binary decision.
public struct BinaryMetrics: Sendable, Hashable, Codable {
  public var accuracy: Double
  public var precision: Double
  public var recall: Double
  public var f1: Double
  public var count: Int

  public init(predicted: [Bool], gold: [Bool]) {
    var tp = 0
    var fp = 0
    var fn = 0
    var correct = 0
    for (p, g) in zip(predicted, gold) {
      if p == g { correct += 1 }
      if p && g { tp += 1 }
      if p && !g { fp += 1 }
      if !p && g { fn += 1 }
    }
    count = gold.count
    accuracy = count > 0 ? Double(correct) / Double(count) : 0
    precision = tp + fp > 0 ? Double(tp) / Double(tp + fp) : 0
    recall = tp + fn > 0 ? Double(tp) / Double(tp + fn) : 0
    f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
  }
}
