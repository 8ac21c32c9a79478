import ArgumentParser
import Foundation
import ParallaxCLI
import ParallaxCore

/// `parallax pair`: why two articles are, or are not, versions of one story, and reports of
/// one thread.
struct Pair: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show why two articles are, or are not, versions of one story and reports of one thread.",
    discussion: """
      Prints the pair score and its parts, the evidence both levels are decided on (the facts each adds, headlines, days apart, rare names, the leads' shared words) with the version and thread verdicts of the pair itself, and where grouping put the two. Term weights come from all articles read, so give the whole collection: parallax pair 003_a8b5cb1c08fb6ba8.txt 004_23ba3fd990788c7e.txt seeds
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
    let verdict = grouper.verdict(a, b, in: loaded.articles)
    let p = verdict.breakdown
    Terminal.print(
      String(
        format:
          "score %.3f (threshold %.2f): cosine %.3f, names/numbers overlap %.3f, number agreement %.2f, context agreement %.2f, when agreement %.2f",
        p.score, grouper.parameters.threshold, p.cosine, p.entityOverlap, p.numberAgreement, p.contextAgreement,
        p.whenAgreement))
    Terminal.print("versions: " + StoryReport.versionReason(verdict.levels, score: p.score))
    let link = verdict.levels.threadLink ? "links their reports into one thread: " : "does not link their reports: "
    Terminal.print("thread: the pair " + link + StoryReport.threadReason(verdict.levels))
    let story = verdict.oneStory ? "one story" : "two stories"
    let thread = verdict.oneThread ? "one thread" : "two threads"
    Terminal.print(
      "grouped: \(story), \(thread)"
        + (verdict.kept
          ? "" : " (the pair itself was not kept: not a candidate, or scored below the smallest kept score)"))
  }
}
