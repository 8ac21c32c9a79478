import ArgumentParser
import Foundation
import ParallaxCLI
import ParallaxCore
import ParallaxStore

/// `parallax export`: the store's articles (JSON Lines) or subscriptions (OPML).
struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Export the stored articles as JSON Lines, or the subscriptions as OPML.",
    discussion: """
      jsonl: one line per article with id, title, text, source, published, url, story, and, when the feed gave them, summary, updated, authors ({name, email, uri}), categories and enclosures ({url, type, length}): the same fields parallax import reads back. opml: one outline per feed.
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
    var summary: String?
    var updated: String?
    var authors: [Person]?
    var categories: [String]?
    var enclosures: [Enclosure]?
    var language: String?
  }

  func run() throws {
    let store = try storeOptions.open()
    switch format {
    case .jsonl:
      try store.forEachArticle { row in
        let article = row.article
        Terminal.printJSON(
          try JSONOutput.encode(
            Line(
              id: row.inputID, title: row.title, text: row.body, source: row.source, published: row.published,
              url: row.url, story: row.story, summary: article.summary, updated: article.updated,
              authors: article.authors.isEmpty ? nil : article.authors,
              categories: article.categories.isEmpty ? nil : article.categories,
              enclosures: article.enclosures.isEmpty ? nil : article.enclosures, language: row.language),
            pretty: false))
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
