import ArgumentParser
import Foundation
import ParallaxCLI
import ParallaxCore
import ParallaxStore

/// `parallax stats`: counts.
struct Stats: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Count stored articles, stories, feeds and unread articles.",
    discussion: """
      --format json prints {"articles": N, "stories": N, "feeds": N, "unread": N}.
      """
  )

  @Option(help: "Output format: text or json.")
  var format: OutputFormat = .text

  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    let stats = try storeOptions.open().stats()
    if format == .text {
      Terminal.print(
        "articles \(stats.articles)\nstories \(stats.stories)\nfeeds \(stats.feeds)\nunread \(stats.unread)")
    } else {
      Terminal.printJSON(try JSONOutput.encode(stats, pretty: format == .json))
    }
  }
}
