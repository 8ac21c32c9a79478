import Foundation
import ParallaxStore

/// A stored article as scripts see it.
public struct ArticleEntry: Encodable {
  public var id: String
  public var title: String
  public var source: String?
  public var published: String?
  public var url: String?
  public var story: String?
  /// The language, a BCP 47 tag (declared, or guessed from the text).
  public var language: String?
  public var read: Bool
  public var starred: Bool

  public init(_ row: StoredArticle) {
    id = row.inputID
    title = row.title
    source = row.source
    published = row.published
    url = row.url
    story = row.story
    language = row.language
    read = row.isRead
    starred = row.isStarred
  }
}

/// Prints rows for people (a line each) or scripts (json, jsonl).
public func printArticles(_ rows: [StoredArticle], format: OutputFormat) throws {
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
