import ArgumentParser
import Foundation
import ParallaxCLI
import ParallaxCore
import ParallaxStore

/// `parallax feeds`: subscriptions and how their last sync went.
struct Feeds: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List subscribed feeds with their article counts, tags, last sync and last error, then saved filters.",
    discussion: """
      Each entry has kind feed or filter. A feed: url, title, tags, hidden (newsboat's !), articles, last_fetched, last_error. A saved filter (newsboat's query feeds, imported from a urls file): name, query (in the filter language of F in the interface), origin.
      """)

  @Option(help: "Output format: text, json or jsonl.")
  var format: OutputFormat = .text

  @OptionGroup var storeOptions: StoreOptions

  struct Entry: Encodable {
    var kind = "feed"
    var url: String?
    var title: String?
    var tags: [String]?
    var hidden: Bool?
    var articles: Int?
    var lastFetched: String?
    var lastError: String?
    var name: String?
    var query: String?
    var origin: String?
  }

  func run() throws {
    let store = try storeOptions.open()
    let counts = try store.articleCountsByFeed()
    let feeds = try store.allFeeds().map {
      Entry(
        url: $0.url, title: $0.title, tags: $0.tagList, hidden: $0.hidden, articles: counts[$0.url] ?? 0,
        lastFetched: $0.lastFetched, lastError: $0.lastError)
    }
    let filters = try store.savedFilters().map {
      Entry(kind: "filter", name: $0.name, query: $0.query, origin: $0.origin)
    }
    let entries = feeds + filters
    switch format {
    case .text:
      for e in feeds {
        let state = e.lastError.map { "FAILED: " + $0 } ?? (e.lastFetched.map { "synced " + $0 } ?? "never synced")
        let tags = (e.tags ?? []).isEmpty ? "" : "  [" + (e.tags ?? []).joined(separator: ", ") + "]"
        Terminal.print(
          "\(e.url ?? "")  \(e.title ?? "")\(tags)\(e.hidden == true ? "  (hidden)" : "")  \(e.articles ?? 0) articles  \(state)"
        )
      }
      for f in filters { Terminal.print("filter \(f.name ?? ""): \(f.query ?? "")") }
    case .json: Terminal.printJSON(try JSONOutput.encode(entries, pretty: true))
    case .jsonl: for e in entries { Terminal.printJSON(try JSONOutput.encode(e, pretty: false)) }
    }
  }
}
