import Foundation

/// Reads feeds into articles: RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed 1.x, and
/// subscription lists (OPML, newsboat `urls`) into feed addresses. Bytes become text as a
/// browser decodes them (``DocumentDecoder``); XML is parsed by libxml2 in recovery mode
/// after ``MarkupRepair``, so one bad entity or an unclosed tag costs the feed nothing.
public enum FeedReader {
  /// What a feed file holds.
  public struct Output: Sendable {
    /// The feed's own title, used as the articles' source.
    public var title: String?
    public var articles: [Article] = []
    /// Subscription addresses (from OPML or a `urls` file).
    public var subscriptions: [String] = []
    /// Problems that did not stop the reading, one line each (a malformed spot in the XML,
    /// an unknown encoding label).
    public var warnings: [String] = []
  }

  /// A feed that could not be read.
  public struct ReadError: Error, CustomStringConvertible {
    public var description: String

    public init(description: String) { self.description = description }
  }

  /// Reads RSS, Atom, JSON Feed or OPML from `data`. `url` is the feed's address (the base
  /// for relative links); `contentType` the HTTP Content-Type it was served with.
  /// - Throws: ``ReadError`` when nothing in `data` can be read as a feed.
  public static func read(_ data: Data, url: String? = nil, contentType: String? = nil) throws -> Output {
    let decoded = DocumentDecoder.decode(
      data, httpCharset: contentType.flatMap(DocumentDecoder.charset(ofContentType:)), markup: .xml)
    let text = decoded.text
    guard let first = text.unicodeScalars.first(where: { !$0.properties.isWhitespace }) else {
      throw ReadError(description: "empty file")
    }
    var output: Output
    if first == "{" {
      output = try readJSONFeed(Data(text.utf8))
    } else if first == "<" {
      output = try readXML(text, url: url)
    } else {
      throw ReadError(description: "not a feed (neither XML nor JSON)")
    }
    output.warnings = decoded.warnings + output.warnings
    return output
  }

  static func readXML(_ text: String, url: String?) throws -> Output {
    guard let document = MarkupDocument(xml: text, url: url) else {
      throw ReadError(description: "malformed XML: no element could be read")
    }
    guard let reader = FeedDocumentReader(document) else {
      let name = document.root?.name ?? "?"
      if name == "html" { throw ReadError(description: "a web page, not a feed") }
      throw ReadError(description: "XML but not RSS, Atom or OPML (the root element is <\(name)>)")
    }
    var output = withExtendedLifetime(document) { reader.read() }
    if let problem = document.problem {
      output.warnings.append(
        "malformed XML at line \(problem.line) (\(problem.message)); what could be read was read")
    }
    return output
  }

  /// A newsboat `urls` file: one address per line, `#` comments, tags after the address.
  public static func readURLList(_ text: String) -> [String] {
    text.split(separator: "\n").compactMap { line in
      let t = line.trimmingCharacters(in: .whitespaces)
      guard !t.isEmpty, !t.hasPrefix("#") else { return nil }
      let address = t.split(separator: " ").first.map(String.init) ?? t
      return WebLink.isWeb(address) ? address : nil
    }
  }

  /// Builds an article from a feed item; nil only when the item holds nothing at all. A
  /// missing title is derived from what there is: the text's first sentence, the summary,
  /// the link, an enclosure's file name, else "Untitled"; a missing id from the link, else
  /// from the item's content, so that the same item is recognised when read again.
  static func makeArticle(_ item: FeedItem, source: String?) -> Article? {
    // Feed text is already paragraphs (readable text of HTML, or plain text split once).
    var paragraphs = Article.paragraphs(of: item.text)
    var heading = PlainTextReader.collapseSpaces(item.title)
    // A title taken from the text's first sentence leaves the text whole.
    var dedupeTitle = !heading.isEmpty
    if heading.isEmpty {
      let before = paragraphs.count
      heading = TitleDeriver.derive(from: &paragraphs) ?? ""
      dedupeTitle = paragraphs.count < before
    }
    if heading.isEmpty, !item.summary.isEmpty {
      var summary = Article.paragraphs(of: item.summary)
      heading = TitleDeriver.derive(from: &summary) ?? ""
    }
    if heading.isEmpty, let link = item.link { heading = Self.title(fromLink: link) }
    if heading.isEmpty, let enclosure = item.enclosures.first { heading = Self.title(fromLink: enclosure.url) }
    let hasSomething =
      !heading.isEmpty || !paragraphs.isEmpty || !item.authors.isEmpty || !item.categories.isEmpty
      || item.published != nil || item.updated != nil
    guard hasSomething else { return nil }
    if heading.isEmpty { heading = "Untitled" }
    // Links carry whatever bytes a feed wrote (windows-1252's undefined bytes are C1 controls).
    heading = PlainTextReader.collapseSpaces(HTMLText.dropControls(heading))
    if heading.isEmpty { heading = "Untitled" }
    var article = Article(id: item.id.isEmpty ? (item.link ?? Self.contentID(item)) : item.id, title: heading, body: "")
    article.body = PlainTextReader.cleanBody(
      paragraphs, title: dedupeTitle ? heading : "", attributions: &article.attributions)
    article.url = item.link
    article.source = source
    article.published = item.published
    article.updated = item.updated
    article.summary = item.summary.isEmpty ? nil : item.summary
    article.authors = item.authors
    article.categories = item.categories
    article.enclosures = item.enclosures
    return article
  }

  /// An id for an item that has neither id nor link: a hash (FNV-1a, 64 bits) of its content.
  static func contentID(_ item: FeedItem) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    let parts =
      [item.title, item.text, item.summary, item.published ?? "", item.enclosures.first?.url ?? ""]
      + item.authors.map(\.display) + item.categories
    for part in parts {
      for byte in part.utf8 {
        hash ^= UInt64(byte)
        hash &*= 0x100_0000_01b3
      }
      hash ^= 0xFF
      hash &*= 0x100_0000_01b3
    }
    return "item:" + String(hash, radix: 16)
  }

  /// Builds an article from a title and text (HTML pages, where the text is already read).
  static func makeArticle(id: String, title: String?, text: String, link: String?, date: String?, source: String?)
    -> Article?
  {
    var item = FeedItem()
    item.id = id
    item.title = title ?? ""
    item.text = text
    item.link = link
    item.published = date.map(FeedDocumentReader.date)
    guard !(title ?? "").isEmpty || !text.isEmpty else { return nil }
    return makeArticle(item, source: source)
  }

  /// A title for an item that has only a link: its host and last path segment.
  static func title(fromLink link: String) -> String {
    guard let url = URL(string: link), let host = url.host else { return link }
    let last =
      url.path.split(separator: "/").last.map { " " + (String($0).removingPercentEncoding ?? String($0)) } ?? ""
    return host + last
  }
}
