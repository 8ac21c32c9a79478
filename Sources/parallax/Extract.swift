import ArgumentParser
import Foundation
import ParallaxCLI
import ParallaxCore

/// `parallax extract`: the article a saved web page holds, as Parallax reads it.
struct Extract: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show the article text and metadata Parallax reads from saved web pages.",
    discussion: """
      Reads each HTML file the way `parallax import page.html` and `parallax sync --full-pages` do: \
      the article found by the reader-view extractor, its title, byline, times, site name, language \
      and direction, and whether the page is an article at all. Nothing is stored.
      """
  )

  @Argument(help: "HTML files (- for standard input).")
  var pages: [String]

  @Option(help: "Output format: text, json or jsonl.")
  var format: OutputFormat = .text

  /// One page's result.
  struct Entry: Encodable {
    var path: String
    var title: String?
    var byline: String?
    var authors: [String]
    var published: String?
    var modified: String?
    var siteName: String?
    var excerpt: String?
    var language: String?
    var direction: String?
    var isArticle: Bool
    var notArticleReason: String?
    var words: Int
    var text: String

    enum CodingKeys: String, CodingKey {
      case path, title, byline, authors, published, modified, excerpt, language, direction, words, text
      case siteName = "site_name"
      case isArticle = "is_article"
      case notArticleReason = "not_article_reason"
    }
  }

  func run() throws {
    var entries: [Entry] = []
    var failed = false
    for path in pages {
      let data: Data
      do {
        data =
          path == "-"
          ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: path))
      } catch {
        Terminal.error("parallax: \(path): cannot read: \(error.localizedDescription)")
        failed = true
        continue
      }
      let decoded = DocumentDecoder.decode(data, markup: .html)
      for warning in decoded.warnings { Terminal.error("parallax: \(path): \(warning)") }
      let page = HTMLPage(decoded.text)
      let entry = Entry(
        path: path, title: page.title, byline: page.byline, authors: page.authors, published: page.published,
        modified: page.modified, siteName: page.siteName, excerpt: page.excerpt, language: page.language,
        direction: page.direction, isArticle: page.isArticle, notArticleReason: page.notArticleReason,
        words: Article.wordCount(page.text), text: page.text)
      switch format {
      case .text: Terminal.print(Self.describe(entry) + "\n")
      case .jsonl: Terminal.printJSON(try JSONOutput.encode(entry, pretty: false))
      case .json: entries.append(entry)
      }
    }
    if format == .json { Terminal.printJSON(try JSONOutput.encode(entries, pretty: true)) }
    if failed { throw ExitCode(1) }
  }

  static func describe(_ e: Entry) -> String {
    var lines = ["== \(e.path)", "Title: \(e.title ?? "(none)")"]
    if let byline = e.byline { lines.append("By: \(byline)") }
    if let published = e.published { lines.append("Published: \(published)") }
    if let modified = e.modified { lines.append("Modified: \(modified)") }
    let about = [e.siteName, e.language.map { "language \($0)" }, e.direction.map { "direction \($0)" }]
      .compactMap { $0 }
    if !about.isEmpty { lines.append("Site: " + about.joined(separator: ", ")) }
    lines.append(
      e.isArticle ? "Article: yes, \(e.words) words" : "Article: no, \(e.notArticleReason ?? "")")
    if !e.text.isEmpty { lines.append("\n" + e.text) }
    return lines.joined(separator: "\n")
  }
}
