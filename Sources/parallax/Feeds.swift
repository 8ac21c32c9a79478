import ArgumentParser
import Foundation
import ParallaxCLI
import ParallaxCore
import ParallaxStore

/// `parallax feeds`: subscriptions and how their last sync went.
struct Feeds: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List subscribed feeds with their article counts, last sync and last error.")

  @Option(help: "Output format: text, json or jsonl.")
  var format: OutputFormat = .text

  @OptionGroup var storeOptions: StoreOptions

  struct Entry: Encodable {
    var url: String
    var title: String?
    var articles: Int
    var lastFetched: String?
    var lastError: String?
  }

  func run() throws {
    let store = try storeOptions.open()
    let counts = try store.articleCountsByFeed()
    let entries = try store.allFeeds().map {
      Entry(
        url: $0.url, title: $0.title, articles: counts[$0.url] ?? 0, lastFetched: $0.lastFetched,
        lastError: $0.lastError)
    }
    switch format {
    case .text:
      for e in entries {
        let state = e.lastError.map { "FAILED: " + $0 } ?? (e.lastFetched.map { "synced " + $0 } ?? "never synced")
        Terminal.print("\(e.url)  \(e.title ?? "")  \(e.articles) articles  \(state)")
      }
    case .json: Terminal.printJSON(try JSONOutput.encode(entries, pretty: true))
    case .jsonl: for e in entries { Terminal.printJSON(try JSONOutput.encode(e, pretty: false)) }
    }
  }
}
