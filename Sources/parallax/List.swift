import ArgumentParser
import Foundation
import ParallaxCLI
import ParallaxCore
import ParallaxStore

/// `parallax list`: stored articles, newest first.
struct List: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "List stored articles, newest first.")

  @Option(help: "Output format: text, json or jsonl.")
  var format: OutputFormat = .text

  @Option(help: "At most this many articles.")
  var limit = 50

  @Option(help: "Skip this many articles first.")
  var offset = 0

  @OptionGroup var storeOptions: StoreOptions

  func run() throws { try printArticles(try storeOptions.open().list(limit: limit, offset: offset), format: format) }
}
