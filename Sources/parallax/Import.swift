import ArgumentParser
import Foundation
import ParallaxCLI
import ParallaxCore
import ParallaxStore

/// `parallax import`: add files and folders to the store.
struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Add articles from files and folders (plain text, JSON Lines, - for standard input) to the store.",
    discussion: """
      Inputs: plain text, JSON Lines, HTML pages (.html: the readable text of the page's <article> or <main> when it marks one, else the body without scripts, navigation, headers, footers and asides), feed files (RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 as .rss/.atom/.xml/.rdf, in any encoding a browser reads, broken XML read as far as it goes; JSON Feed 1.x as .json) and subscription lists (OPML as .opml; a newsboat urls file named urls). Importing is idempotent: an article already stored (same link, or same id when it has no link) is not added again, but an article carried by a second feed is recorded as belonging to both. Files are read, stored and grouped in batches, so memory does not grow with the input. The new articles are grouped into stories incrementally (only the stories they touch are recomputed); -v prints how long reading, storing and grouping took.
      """
  )

  @OptionGroup var input: InputOptions
  @OptionGroup var storeOptions: StoreOptions

  @Flag(name: .shortAndLong, help: "Print how long reading, storing and grouping took (on standard error).")
  var verbose = false

  func run() throws {
    guard !input.paths.isEmpty else { throw ValidationError("give files or folders to import") }
    let store: Store
    do {
      store = try storeOptions.open()
    } catch let problem as StoreProblem {
      Terminal.error(problem.message(outcome: "nothing from this import was stored"))
      throw ExitCode(1)
    }
    let start = Date()
    let importer = Importer(store: store)
    let total: Importer.Result
    let problems: [LoadDiagnostic]
    let subscriptionsRead: Int
    do {
      (total, problems, subscriptionsRead) = try importer.importPaths(input.paths) { Terminal.report($0) }
    } catch let failure as Importer.Failure {
      Terminal.error(failure.message)
      throw ExitCode(1)
    }
    let readSeconds =
      Date().timeIntervalSince(start) - total.storeSeconds
      - (total.grouping.candidateSeconds + total.grouping.scoreSeconds + total.grouping.clusterSeconds)
    let subscribed = total.subscriptionsAdded
    var summary = "added \(total.added), already stored \(total.alreadyStored)"
    if subscriptionsRead > 0 {
      summary += "; subscriptions: \(subscribed) new of \(subscriptionsRead)"
    }
    Terminal.print(summary)
    if verbose {
      let g = total.grouping
      Terminal.error(
        String(
          format:
            "read %.1f s; stored %.1f s; grouped %d articles in %.1f s (candidates %.1f s: %d pairs; scores %.1f s: %d kept; clusters %.1f s: %d articles reclustered)",
          readSeconds, total.storeSeconds, g.articles, g.candidateSeconds + g.scoreSeconds + g.clusterSeconds,
          g.candidateSeconds, g.candidatePairs, g.scoreSeconds, g.edges, g.clusterSeconds, g.reclustered))
    }
    if problems.contains(where: { $0.severity == .skipped }) { throw ExitCode(1) }
  }
}
