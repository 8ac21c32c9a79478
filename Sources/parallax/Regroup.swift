import ArgumentParser
import Foundation
import ParallaxCLI
import ParallaxCore
import ParallaxStore

/// `parallax regroup`: group every stored article again.
struct Regroup: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Group every stored article again from its stored signature, with the store's current term weights.",
    discussion: """
      Grouping is incremental: an import scores its new articles with the term weights of that moment. regroup rescores every pair with the current weights, as importing everything at once into a new store would. Prints the number of stories.
      """
  )

  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    let start = Date()
    let report = try storeOptions.open().regroupAll()
    Terminal.print(
      String(
        format: "regrouped %d articles into %d stories in %.1f s (%d candidate pairs, %d kept)", report.articles,
        report.stories, Date().timeIntervalSince(start), report.candidatePairs, report.edges))
    if report.repairedSignatures > 0 {
      Terminal.error(
        "parallax: \(report.repairedSignatures) stored articles had damaged signatures; they were signed again from their text"
      )
    }
  }
}
