import ArgumentParser
import Foundation
import ParallaxCLI
import ParallaxCore

/// `parallax eval-sentences`: calibrate and check the sentence-pair decision on MSRP.
struct EvalSentences: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval-sentences",
    abstract: "Score the sentence-pair decision used by the comparison on a labelled paraphrase file.",
    discussion: """
      Reads a Microsoft Research Paraphrase Corpus TSV (Quality, #1 ID, #2 ID, #1 String, #2 String). A fixed 70 % (by FNV-1a of the pair ids) is the tuning part: the best threshold there is printed. The other 30 % is held out: accuracy and F1 there are printed for the tuned threshold and for the frozen one that ships.
      """
  )

  @Argument(help: "The TSV file, for example ../shared/data/dev/paraphrase-sentences-msrp-train.tsv.")
  var file: String

  func run() throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: file))
    var text = String(decoding: data, as: UTF8.self)
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    let pairs = ParaphrasePair.parseTSV(text)
    let tune = pairs.filter { !$0.isHeldOut }
    let test = pairs.filter(\.isHeldOut)
    guard !tune.isEmpty, !test.isEmpty else { throw ValidationError("\(file): no sentence pairs read") }
    // IDF from the tuning sentences only.
    let similarity = SentenceSimilarity(collection: tune.flatMap { [$0.first, $0.second] })
    func features(_ pairs: [ParaphrasePair]) -> [[Double]] {
      pairs.map { pair in
        var vocabulary: [String: Int32] = [:]
        return SentenceSimilarity.features(
          similarity.prepare(pair.first, vocabulary: &vocabulary),
          similarity.prepare(pair.second, vocabulary: &vocabulary))
      }
    }
    let tuneFeatures = features(tune)
    let testFeatures = features(test)
    let fitted = SentenceSimilarity.fit(features: tuneFeatures, labels: tune.map(\.isParaphrase))
    func bestThreshold(_ weights: [Double]) -> (threshold: Double, accuracy: Double) {
      let scores = tuneFeatures.map { SentenceSimilarity.logistic($0, weights: weights) }
      var best = (threshold: 0.0, accuracy: 0.0)
      for step in 1..<100 {
        let t = Double(step) / 100
        let m = BinaryMetrics(predicted: scores.map { $0 >= t }, gold: tune.map(\.isParaphrase))
        if m.accuracy > best.accuracy { best = (t, m.accuracy) }
      }
      return best
    }
    let best = bestThreshold(fitted)
    let positives = Double(test.filter(\.isParaphrase).count) / Double(test.count)
    print("\(file): \(tune.count) pairs for tuning, \(test.count) held out (\(Int(positives * 100)) % paraphrases)")
    print("weights fitted on the tuning part: " + fitted.map { String(format: "%.3f", $0) }.joined(separator: ", "))
    print(String(format: "best threshold on the tuning part: %.2f (accuracy %.4f)", best.threshold, best.accuracy))
    for (label, weights, t) in [
      ("refitted", fitted, best.threshold),
      ("shipped", SentenceSimilarity.weights, SentenceSimilarity.paraphraseThreshold),
    ] {
      let scores = testFeatures.map { SentenceSimilarity.logistic($0, weights: weights) }
      let m = BinaryMetrics(predicted: scores.map { $0 >= t }, gold: test.map(\.isParaphrase))
      print(
        String(
          format: "held out, %@ threshold %.2f: accuracy %.4f  precision %.4f  recall %.4f  F1 %.4f", label, t,
          m.accuracy, m.precision, m.recall, m.f1))
    }
    let majority = BinaryMetrics(predicted: test.map { _ in true }, gold: test.map(\.isParaphrase))
    print(String(format: "held out, always 'paraphrase': accuracy %.4f  F1 %.4f", majority.accuracy, majority.f1))
  }
}
