import ArgumentParser
import Foundation
import GRDB
import ParallaxCore
import ParallaxStore

/// `--store PATH`, shared by the commands that use the offline store.
struct StoreOptions: ParsableArguments {
  @Option(help: "The store file (default: $PARALLAX_STORE, else $XDG_DATA_HOME/parallax/parallax.sqlite).")
  var store: String?

  var path: String { store ?? Store.defaultPath() }

  /// Opens the store. A file that is not a store, a folder that cannot be created, a store
  /// from a newer Parallax: one line on standard error and exit status 1 (the file is never
  /// touched).
  func open() throws -> Store {
    do {
      return try Store(path: path)
    } catch {
      throw StoreProblem(error, path: path)
    }
  }
}

/// Runs `body` on the store; a failure of the store (full disk, read-only, locked) becomes
/// a ``StoreProblem`` naming the store, printed by the command's caller in one line.
func withStoreProblems<T>(_ path: String, _ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as DatabaseError {
    throw StoreProblem(error, path: path)
  }
}

/// A stored article as scripts see it.
struct ArticleEntry: Encodable {
  var id: String
  var title: String
  var source: String?
  var published: String?
  var url: String?
  var story: String?
  var read: Bool

  init(_ row: StoredArticle) {
    id = row.inputID
    title = row.title
    source = row.source
    published = row.published
    url = row.url
    story = row.story
    read = row.isRead
  }
}

/// Prints rows for people (a line each) or scripts (json, jsonl).
func printArticles(_ rows: [StoredArticle], format: OutputFormat) throws {
  switch format {
  case .text:
    for row in rows {
      let date = row.published.map { String($0.prefix(10)) + "  " } ?? ""
      Terminal.print(date + (row.source.map { $0 + ": " } ?? "") + row.title + "  [" + row.inputID + "]")
    }
  case .json:
    Terminal.printJSON(try JSONOutput.encode(rows.map(ArticleEntry.init), pretty: true))
  case .jsonl:
    for row in rows { Terminal.printJSON(try JSONOutput.encode(ArticleEntry(row), pretty: false)) }
  }
}

/// `parallax import`: add files and folders to the store.
struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Add articles from files and folders (plain text, JSON Lines, - for standard input) to the store.",
    discussion: """
      Inputs: plain text, JSON Lines, HTML pages (.html: the readable text of the page's <article> or <main> when it marks one, else the body without scripts, navigation, headers, footers and asides), feed files (RSS 0.9x/1.0/2.0 and Atom 1.0 as .rss/.atom/.xml; JSON Feed 1.x as .json) and subscription lists (OPML as .opml; a newsboat urls file named urls). Importing is idempotent: an article already stored (same link, or same id when it has no link) is not added again, but an article carried by a second feed is recorded as belonging to both. The new articles are grouped into stories incrementally (only the stories they touch are recomputed); -v prints how long reading, storing and grouping took.
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
    let readStart = Date()
    let loaded = input.load()
    let readSeconds = Date().timeIntervalSince(readStart)
    let total: Importer.Result
    do {
      total = try Importer.store(loaded, into: store)
    } catch let failure as Importer.Failure {
      Terminal.error(failure.message)
      throw ExitCode(1)
    }
    let subscribed = total.subscriptionsAdded
    var summary = "added \(total.added), already stored \(total.alreadyStored)"
    if !loaded.subscriptions.isEmpty {
      summary += "; subscriptions: \(subscribed) new of \(loaded.subscriptions.count)"
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
    if loaded.skippedSomething { throw ExitCode(1) }
  }
}

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
  }
}

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

/// `parallax export`: the store's articles (JSON Lines) or subscriptions (OPML).
struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Export the stored articles as JSON Lines, or the subscriptions as OPML.",
    discussion: """
      jsonl: one line per article with id, title, text, source, published, url, story: the same fields parallax import reads back. opml: one outline per feed.
      """
  )

  enum Kind: String, ExpressibleByArgument { case jsonl, opml }

  @Option(help: "jsonl or opml.")
  var format: Kind = .jsonl

  @OptionGroup var storeOptions: StoreOptions

  struct Line: Encodable {
    var id: String
    var title: String
    var text: String
    var source: String?
    var published: String?
    var url: String?
    var story: String?
  }

  func run() throws {
    let store = try storeOptions.open()
    switch format {
    case .jsonl:
      try store.forEachArticle { row in
        Terminal.printJSON(
          try JSONOutput.encode(
            Line(
              id: row.inputID, title: row.title, text: row.body, source: row.source, published: row.published,
              url: row.url, story: row.story), pretty: false))
      }
    case .opml:
      func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
          .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
      }
      var lines = [
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<opml version=\"2.0\">",
        "  <head><title>Parallax subscriptions</title></head>", "  <body>",
      ]
      for feed in try store.allFeeds() {
        lines.append(
          "    <outline type=\"rss\" text=\"\(escape(feed.title ?? feed.url))\" xmlUrl=\"\(escape(feed.url))\"/>")
      }
      lines += ["  </body>", "</opml>"]
      Terminal.printJSON(lines.joined(separator: "\n"))
    }
  }
}
