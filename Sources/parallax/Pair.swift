import ArgumentParser
import Foundation
import ParallaxCLI
import ParallaxCore

/// `parallax pair`: why two articles are, or are not, one story.
struct Pair: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show the rewrite score of two articles and its parts.",
    discussion: """
      Term weights come from all articles read, so give the whole collection: parallax pair 003_a8b5cb1c08fb6ba8.txt 004_23ba3fd990788c7e.txt seeds
      """
  )

  @Argument(help: "The first article's id.")
  var first: String

  @Argument(help: "The second article's id.")
  var second: String

  @OptionGroup var input: InputOptions

  func run() throws {
    let loaded = input.load()
    guard let a = loaded.articles.firstIndex(where: { $0.id == first }) else {
      throw ValidationError("no article with id \(first)")
    }
    guard let b = loaded.articles.firstIndex(where: { $0.id == second }) else {
      throw ValidationError("no article with id \(second)")
    }
    let grouper = StoryGrouper()
    let p = grouper.breakdown(a, b, in: loaded.articles)
    Terminal.print(
      String(
        format:
          "score %.3f (threshold %.2f): cosine %.3f, names/numbers overlap %.3f, number agreement %.2f, context agreement %.2f, when agreement %.2f",
        p.score, grouper.parameters.threshold, p.cosine, p.entityOverlap, p.numberAgreement, p.contextAgreement,
        p.whenAgreement))
  }
}
