import ArgumentParser
import Foundation
import ParallaxCLI
import ParallaxCore
import ParallaxStore

/// `parallax search`: full-text search in the store.
struct Search: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Search the store's titles and texts (SQLite FTS5 query syntax: words, \"phrases\", AND, OR, NOT, prefix*)."
  )

  @Argument(help: "The query.")
  var query: String

  @Option(help: "Output format: text, json or jsonl.")
  var format: OutputFormat = .text

  @Option(help: "At most this many results.")
  var limit = 50

  @OptionGroup var storeOptions: StoreOptions

  func validate() throws {
    if query.allSatisfy(\.isWhitespace) {
      throw ValidationError(
        "the search query is empty: give words to search for, for example parallax search \"interest rates\"")
    }
    guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
  }

  func run() throws {
    let store = try storeOptions.open()
    let rows: [StoredArticle]
    do {
      rows = try store.search(query, limit: limit)
    } catch let error as SearchQueryError {
      Terminal.error("parallax: \(error)")
      throw ExitCode(2)
    }
    try printArticles(rows, format: format)
  }
}
