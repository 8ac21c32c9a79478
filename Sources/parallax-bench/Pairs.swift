import ArgumentParser
import Foundation
import ParallaxCLI
import ParallaxCore

/// `parallax-bench pairs FILE`: the scored pairs of a corpus, for building a labelled pair
/// set; with `--labels`, precision and recall of grouping on such a set.
struct Pairs: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List a corpus's scored pairs for labelling, or score grouping on labelled pairs.",
    discussion: """
      Groups FILE as one batch. Without --labels, prints every kept pair scoring at least --min-score as tab-separated lines: first id, second id, score, whether grouping joined them (joined or apart), and both titles. With --labels (a TSV of first id, second id, same, follow-up or different, and how the pair was drawn; # starts a comment; pairs of another corpus are left out), prints for each label the share of its pairs grouping puts in one story (one report) and in one thread (and, with several draws, the thread shares of each), then precision (joined pairs labelled same) and recall (same pairs joined), and lists the pairs whose story or thread disagrees with their label.
      """
  )

  @Argument(help: "A JSON Lines corpus, for example ../shared/data/corpus/bbc2005.jsonl.")
  var file: String

  @Option(help: "A labelled pair set (TSV: id, id, same|follow-up|different, note).")
  var labels: String?

  @Option(
    help:
      "With --labels: write each labelled pair's evidence (pair score and its parts, lead overlap, shared and rare names, days apart, the facts each adds over the other and its own, by kind, and the share of each side's fact print the other shares) to this TSV, for choosing what separates one report, a follow-up and another story."
  )
  var features: String?

  @Option(
    help:
      "Write every kept pair's evidence (score, cosine, name overlap, fact novelty, shared names and rare names, days apart) to this TSV, for trying clusterings of both levels outside the engine."
  )
  var edges: String?

  @Option(
    help:
      "Write each article's rare names (as the engine counts them), those its lead carries, and every name and content word of its lead with how many articles carry it to this TSV, for testing evidence of one case outside the engine."
  )
  var names: String?

  @Option(help: "Smallest pair score listed (without --labels).")
  var minScore = 0.1

  @OptionGroup var settings: ParameterOptions

  func validate() throws {
    if features != nil && labels == nil { throw ValidationError("--features needs --labels (the pairs to describe)") }
  }

  func run() throws {
    let loaded = ArticleLoader().load([file])
    Terminal.report(loaded.diagnostics)
    let articles = loaded.articles
    let (storage, _) = StoryGrouper(parameters: settings.parameters).groupedStorage(articles)
    var index = [String: Int64]()
    for (i, article) in articles.enumerated() { index[article.id] = Int64(i) }
    func joined(_ a: Int64, _ b: Int64) -> Bool { storage.story(of: a) == storage.story(of: b) }
    // The evidence writers share one reading of the collection (signatures, weights).
    var shared: PairFeatures?
    func evidence() -> PairFeatures {
      if let shared { return shared }
      let made = PairFeatures(articles: articles, parameters: settings.parameters)
      shared = made
      return made
    }
    if let edges {
      // Identical copies are not scored: each stands beside its original.
      let copies = articles.indices.compactMap { i -> (Int, Int)? in
        let original = Int(storage.original(Int64(i)))
        return original == i ? nil : (original, i)
      }
      let pairs = storage.scoredPairs(minimumScore: 0).map { (Int($0.a), Int($0.b)) }
      try evidence().writeEdges(pairs, copies: copies, to: edges)
    }
    if let names {
      try evidence().writeRareNames(
        rareNameShare: settings.parameters.rareNameShare, floor: settings.parameters.rareNameFloor, to: names)
    }

    guard let labels else {
      let pairs = storage.scoredPairs(minimumScore: minScore).sorted { $0.score > $1.score }
      for pair in pairs {
        let (a, b) = (articles[Int(pair.a)], articles[Int(pair.b)])
        print(
          [
            a.id, b.id, String(format: "%.3f", pair.score), joined(pair.a, pair.b) ? "joined" : "apart", a.title,
            b.title,
          ]
          .joined(separator: "\t"))
      }
      return
    }
    guard let data = FileManager.default.contents(atPath: labels) else {
      throw ValidationError("\(labels): cannot read the file")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ValidationError("\(labels): not UTF-8 text (a pair set is tab-separated UTF-8)")
    }
    let rows = text.split(separator: "\n")
      .filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
      .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    var (truePositives, falsePositives, falseNegatives, trueNegatives) = (0, 0, 0, 0)
    var disagreements: [String] = []
    // Per label: pairs, and how many grouping puts in one story.
    var tally: [String: (pairs: Int, oneStory: Int, oneThread: Int)] = [:]
    // The same per draw (the fourth column: how the pair was drawn), draws in file order.
    var draws: [String] = []
    var byDraw: [String: [String: (pairs: Int, oneThread: Int)]] = [:]
    var threadDisagreements: [String] = []
    var elsewhere = 0
    for row in rows {
      guard row.count >= 3, PairLabel.all.contains(row[2]) else {
        throw ValidationError(
          "\(labels): a line needs two ids and same, follow-up or different, tab-separated: \(row.joined(separator: "\t"))"
        )
      }
      guard let a = index[row[0]], let b = index[row[1]] else {
        // A pair set may cover several corpora: pairs of another are left to its run.
        elsewhere += 1
        continue
      }
      let same = row[2] == PairLabel.same
      let together = joined(a, b)
      tally[row[2], default: (0, 0, 0)].pairs += 1
      if together { tally[row[2], default: (0, 0, 0)].oneStory += 1 }
      let oneThread = storage.thread(of: a) == storage.thread(of: b)
      if oneThread { tally[row[2], default: (0, 0, 0)].oneThread += 1 }
      if row.count >= 4 {
        if byDraw[row[3]] == nil { draws.append(row[3]) }
        byDraw[row[3], default: [:]][row[2], default: (0, 0)].pairs += 1
        if oneThread { byDraw[row[3], default: [:]][row[2], default: (0, 0)].oneThread += 1 }
      }
      // A follow-up in another thread, or another story in the same.
      if (row[2] == PairLabel.followUp && !oneThread) || (row[2] == PairLabel.different && oneThread) {
        let score = storage.score(a, b)?.score ?? 0
        threadDisagreements.append(
          String(
            format: "  %@ %@ %@ %@ %.3f  %@ | %@", row[0], row[1], row[2], oneThread ? "one thread" : "apart     ",
            score, articles[Int(a)].title, articles[Int(b)].title))
      }
      switch (same, together) {
      case (true, true): truePositives += 1
      case (false, true): falsePositives += 1
      case (true, false): falseNegatives += 1
      case (false, false): trueNegatives += 1
      }
      if same != together {
        let score = storage.score(a, b)?.score ?? 0
        disagreements.append(
          String(
            format: "  %@ %@ %@ %@ %.3f  %@ | %@", row[0], row[1], row[2], together ? "joined" : "apart ", score,
            articles[Int(a)].title, articles[Int(b)].title))
      }
    }
    guard !tally.isEmpty else { throw ValidationError("\(labels): no labelled pair is a pair of articles of \(file)") }
    if let features {
      try evidence().write(rows, index: index, to: features)
    }
    if elsewhere > 0 { print("\(labels): \(elsewhere) pairs name articles of another corpus (left out)") }
    for label in PairLabel.all {
      guard let t = tally[label] else { continue }
      print(
        String(
          format: "%-10@ %4d pairs  in one story %.3f (%d)  in one thread %.3f (%d)", label, t.pairs,
          Double(t.oneStory) / Double(t.pairs), t.oneStory, Double(t.oneThread) / Double(t.pairs), t.oneThread))
    }
    if draws.count > 1 {
      print("in one thread, by draw:")
      for draw in draws {
        let shares = PairLabel.all.compactMap { label -> String? in
          guard let t = byDraw[draw]?[label] else { return nil }
          return String(format: "%@ %d/%d = %.3f", label, t.oneThread, t.pairs, Double(t.oneThread) / Double(t.pairs))
        }
        print("  \(draw): " + shares.joined(separator: ", "))
      }
    }
    let precision = Double(truePositives) / Double(max(1, truePositives + falsePositives))
    let recall = Double(truePositives) / Double(max(1, truePositives + falseNegatives))
    print(
      String(
        format: "%@: %d labelled pairs (%d same, %d not); grouping joins %d of them",
        labels, rows.count - elsewhere, truePositives + falseNegatives, falsePositives + trueNegatives,
        truePositives + falsePositives))
    print(
      String(
        format: "pair precision %.4f  recall %.4f  F1 %.4f", precision, recall,
        precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0))
    print("disagreements (\(disagreements.count)):")
    disagreements.forEach { print($0) }
    print("thread disagreements (\(threadDisagreements.count)):")
    threadDisagreements.forEach { print($0) }
  }
}

/// The labels of a pair set: one report, one developing story, or neither.
enum PairLabel {
  static let same = "same"
  static let followUp = "follow-up"
  static let different = "different"
  static let all = [same, followUp, different]
}
