import ArgumentParser
import Foundation
import ParallaxCLI
import ParallaxCore

/// `parallax eval`: score grouping against a labelled JSON Lines file.
struct Eval: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Group a labelled JSON Lines file with the default settings and score the result.",
    discussion: """
      Each line needs a "group" field: articles with the same group are one story. The labels are read only for scoring; grouping never sees them. Prints B-cubed precision, recall and F1, and the adjusted Rand index; when every line also has a "thread" field (the developing story), the same for threads.
      """
  )

  @Argument(help: "A JSON Lines file with id, text and group fields.")
  var file: String

  @OptionGroup var settings: ParameterOptions

  @Option(help: "Output format: text or json.")
  var format: OutputFormat = .text

  struct Report: Encodable {
    var file: String
    var metrics: ClusteringMetrics
    /// Against the "thread" labels, when every article has one.
    var threads: ClusteringMetrics?
    var seconds: Double
  }

  func run() throws {
    let loaded = ArticleLoader().load([file])
    Terminal.report(loaded.diagnostics)
    let labelled = loaded.articles.filter { $0.metadata["group"] != nil }
    guard !labelled.isEmpty else { throw ValidationError("\(file): no article has a \"group\" field") }
    if labelled.count < loaded.articles.count {
      Terminal.error("parallax: \(loaded.articles.count - labelled.count) articles without \"group\" left out")
    }
    let unlabelled = labelled.map { article -> Article in
      var copy = article
      copy.metadata = [:]
      return copy
    }
    let start = Date()
    let parameters = settings.parameters
    let stories = StoryGrouper(parameters: parameters).group(unlabelled)
    let seconds = Date().timeIntervalSince(start)
    var predicted = [String](repeating: "", count: labelled.count)
    var predictedThreads = [String](repeating: "", count: labelled.count)
    for story in stories {
      for m in story.members {
        predicted[m.inputIndex] = story.id
        predictedThreads[m.inputIndex] = story.thread
      }
    }
    let metrics = ClusteringMetrics(predicted: predicted, gold: labelled.map { $0.metadata["group"]! })
    let threadLabels = labelled.compactMap { $0.metadata["thread"] }
    let threads =
      threadLabels.count == labelled.count ? ClusteringMetrics(predicted: predictedThreads, gold: threadLabels) : nil
    switch format {
    case .text, .jsonl:
      Terminal.print(
        String(
          format: """
            %@: %d articles, %d labelled groups, %d predicted stories (%.2f s)
            B-cubed precision %.4f  recall %.4f  F1 %.4f
            adjusted Rand index %.4f
            """, file, metrics.items, metrics.goldClusters, metrics.predictedClusters, seconds, metrics.precision,
          metrics.recall, metrics.f1, metrics.adjustedRandIndex))
      if let threads {
        Terminal.print(
          String(
            format: "threads: %d labelled, %d predicted; B-cubed precision %.4f  recall %.4f  F1 %.4f",
            threads.goldClusters, threads.predictedClusters, threads.precision, threads.recall, threads.f1))
      }
    case .json:
      Terminal.printJSON(
        try JSONOutput.encode(Report(file: file, metrics: metrics, threads: threads, seconds: seconds), pretty: true))
    }
    if loaded.skippedSomething { throw ExitCode(1) }
  }
}
