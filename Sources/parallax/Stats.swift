import ArgumentParser
import Foundation
import ParallaxCLI
import ParallaxCore
import ParallaxStore

/// `parallax stats`: counts.
struct Stats: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Count stored articles, stories, feeds, unread articles and stories, and starred articles.",
    discussion: """
      --format json prints {"articles": N, "stories": N, "feeds": N, "unread": N, "unread_stories": N, "starred": N}: unread counts articles, unread_stories the stories with an unread version (what the interface marks with ●).
      """
  )

  @Option(help: "Output format: text or json.")
  var format: OutputFormat = .text

  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    let stats = try storeOptions.open().stats()
    if format == .text {
      Terminal.print(
        """
        articles \(stats.articles)
        stories \(stats.stories)
        feeds \(stats.feeds)
        unread \(stats.unread)
        unread_stories \(stats.unreadStories)
        starred \(stats.starred)
        """)
    } else {
      Terminal.printJSON(try JSONOutput.encode(stats, pretty: format == .json))
    }
  }
}
