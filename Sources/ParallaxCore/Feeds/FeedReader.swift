import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads feeds into articles: RSS 0.9x/1.0/2.0, Atom 1.0 and JSON Feed 1.x, and
/// subscription lists (OPML, newsboat `urls`) into feed addresses.
public enum FeedReader {
  /// What a feed file holds.
  public struct Output: Sendable {
    /// The feed's own title, used as the articles' source.
    public var title: String?
    public var articles: [Article] = []
    /// Subscription addresses (from OPML or a `urls` file).
    public var subscriptions: [String] = []
  }

  /// A feed that could not be read.
  public struct ReadError: Error, CustomStringConvertible {
    public var description: String
  }

  /// Reads RSS, Atom, JSON Feed or OPML from `data`.
  /// - Throws: ``ReadError`` for malformed XML or JSON, or an unknown format.
  public static func read(_ data: Data) throws -> Output {
    let head = data.prefix(512).drop {
      $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF
    }
    if head.isEmpty && data.count <= 512 { throw ReadError(description: "empty file") }
    if head.first == UInt8(ascii: "{") { return try readJSONFeed(data) }
    guard head.first == UInt8(ascii: "<") else { throw ReadError(description: "not a feed (neither XML nor JSON)") }
    let delegate = XMLFeedParser()
    let parser = XMLParser(data: data)
    parser.delegate = delegate
    let parsed = parser.parse()
    if let error = delegate.error {
      throw ReadError(description: "malformed XML at line \(error.line): \(error.message)")
    }
    guard parsed else {
      throw ReadError(
        description:
          "malformed XML at line \(parser.lineNumber): \(parser.parserError?.localizedDescription ?? "parse error")")
    }
    guard delegate.kind != nil else { throw ReadError(description: "XML but not RSS, Atom or OPML") }
    return delegate.output
  }

  /// A newsboat `urls` file: one address per line, `#` comments, tags after the address.
  public static func readURLList(_ text: String) -> [String] {
    text.split(separator: "\n").compactMap { line in
      let t = line.trimmingCharacters(in: .whitespaces)
      guard !t.isEmpty, !t.hasPrefix("#") else { return nil }
      let address = t.split(separator: " ").first.map(String.init) ?? t
      return address.hasPrefix("http://") || address.hasPrefix("https://") ? address : nil
    }
  }

  static func readJSONFeed(_ data: Data) throws -> Output {
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw ReadError(description: "malformed JSON")
    }
    guard let version = object["version"] as? String, version.hasPrefix("https://jsonfeed.org/version/") else {
      throw ReadError(description: "JSON but not a JSON Feed (no jsonfeed.org version)")
    }
    var output = Output(title: object["title"] as? String)
    for item in object["items"] as? [[String: Any]] ?? [] {
      let html = item["content_html"] as? String
      let text = (item["content_text"] as? String) ?? html.map(HTMLText.text) ?? (item["summary"] as? String) ?? ""
      let id = (item["id"] as? String) ?? (item["url"] as? String) ?? ""
      if let article = makeArticle(
        id: id, title: item["title"] as? String, text: text, link: item["url"] as? String,
        date: (item["date_published"] as? String) ?? (item["date_modified"] as? String), source: output.title)
      {
        output.articles.append(article)
      }
    }
    return output
  }

  /// Builds an article from feed fields; nil when there is neither text nor title.
  static func makeArticle(id: String, title: String?, text: String, link: String?, date: String?, source: String?)
    -> Article?
  {
    var paragraphs = Paragraphs.split(text.contains("<") && text.contains(">") ? HTMLText.text(text) : text)
    var heading = title.map(PlainTextReader.collapseSpaces) ?? ""
    if heading.isEmpty { heading = TitleDeriver.derive(from: &paragraphs) ?? "" }
    guard !heading.isEmpty || !paragraphs.isEmpty else { return nil }
    var article = Article(id: id.isEmpty ? (link ?? heading) : id, title: heading, body: "")
    article.body = PlainTextReader.cleanBody(paragraphs, title: heading, attributions: &article.attributions)
    article.url = link
    article.source = source
    article.published = date.flatMap(FeedDates.iso8601) ?? date
    return article
  }
}
