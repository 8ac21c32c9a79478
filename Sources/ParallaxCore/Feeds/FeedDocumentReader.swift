import Foundation

/// Reads a parsed XML document as a feed: RSS 0.9x, 1.0 (RDF) and 2.0, Atom 0.3 and 1.0,
/// or OPML. Elements are recognised by namespace, not by the prefix a feed happens to use
/// (and by the written prefix when a feed forgets to declare it, as `content:encoded`
/// often is); relative links resolve against `xml:base` and the feed's own address.
struct FeedDocumentReader {
  /// The document's format, from its root element.
  enum Format { case rss, atom, opml }

  let format: Format
  let root: MarkupNode

  /// Canonical prefixes of the namespaces read; the formats' own namespaces have none.
  static let prefixes: [String: String] = [
    "http://www.w3.org/2005/atom": "atom",
    "http://purl.org/atom/ns#": "atom",
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://purl.org/dc/terms/": "dcterms",
    "http://search.yahoo.com/mrss/": "media",
    "http://search.yahoo.com/mrss": "media",
    "http://www.itunes.com/dtds/podcast-1.0.dtd": "itunes",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
    "http://www.w3.org/1999/xhtml": "xhtml",
    "http://purl.org/rss/1.0/": "",
    "http://my.netscape.com/rdf/simple/0.9/": "",
    "http://backend.userland.com/rss2": "",
    "http://backend.userland.com/rss": "",
    "http://blogs.law.harvard.edu/tech/rss": "",
  ]

  init?(_ document: MarkupDocument) {
    guard let root = document.root else { return nil }
    self.root = root
    switch Self.key(root, atomIsDefault: false) {
    case "rss", "rdf:rdf", "rdf", "channel": format = .rss
    case "feed", "atom:feed": format = .atom
    case "opml": format = .opml
    default: return nil
    }
  }

  /// The element's name with its namespace's canonical prefix (`dc:creator`, `title`). In
  /// an Atom document Atom's own elements have no prefix; elsewhere they are `atom:…`.
  static func key(_ node: MarkupNode, atomIsDefault: Bool) -> String {
    let name = node.name
    guard let namespace = node.namespace else { return name }
    let prefix =
      prefixes[namespace.lowercased()] ?? node.pointer.pointee.ns?.pointee.prefix.map {
        String(cString: $0).lowercased()
      } ?? ""
    if prefix.isEmpty || (atomIsDefault && prefix == "atom") { return name }
    return prefix + ":" + name
  }

  func key(_ node: MarkupNode) -> String { Self.key(node, atomIsDefault: format == .atom) }

  /// Reads the feed.
  func read() -> FeedReader.Output {
    switch format {
    case .opml: return readOPML()
    case .atom: return readAtom()
    case .rss: return readRSS()
    }
  }

  // MARK: RSS and RDF

  func readRSS() -> FeedReader.Output {
    var output = FeedReader.Output()
    let top = key(root) == "channel" ? [root] : root.elements
    let channel = top.first { key($0) == "channel" }
    if let channel, let title = channel.elements.first(where: { key($0) == "title" }) {
      output.title = plainText(title)
    }
    // The channel's language (`<language>`, `<dc:language>`) is each item's unless it says.
    let language = channel?.elements.first { key($0) == "language" || key($0) == "dc:language" }.map(plainText)
    // Items sit in the channel (RSS 2.0) or beside it (RSS 1.0, 0.90); CDF nests channels.
    var containers = [channel, key(root) == "channel" ? nil : root].compactMap { $0 }
    // CDF nests channels in the channel: their items are the feed's too.
    if let channel {
      var queue = channel.elements.filter { key($0) == "channel" }
      while !queue.isEmpty, containers.count < 64 {
        let nested = queue.removeFirst()
        containers.append(nested)
        queue += nested.elements.filter { key($0) == "channel" }
      }
    }
    for container in containers {
      for node in container.elements where key(node) == "item" {
        if var article = FeedReader.makeArticle(rssItem(node), source: output.title) {
          let own = node.elements.first { key($0) == "dc:language" }.map(plainText)
          article.language = Self.languageTag(own) ?? Self.languageTag(language)
          output.articles.append(article)
        }
      }
    }
    return output
  }

  /// A feed's language value as a tag (``Language/tag(_:)``).
  static func languageTag(_ value: String?) -> String? { Language.tag(value) }

  func rssItem(_ node: MarkupNode) -> FeedItem {
    var item = FeedItem()
    var description: String?
    var content: String?
    var other: String?
    var guid: (text: String, permalink: Bool)?
    var alternate: String?
    var dates: [String: String] = [:]
    var dcTitle: String?
    var mediaTitle: String?
    var mediaContents: [Enclosure] = []
    for child in node.elements {
      let k = key(child)
      switch k {
      case "title" where item.title.isEmpty: item.title = plainText(child)
      case "dc:title": dcTitle = dcTitle ?? plainText(child)
      case "media:title": mediaTitle = mediaTitle ?? plainText(child)
      case "link" where item.link == nil:
        let text = child.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !text.isEmpty { item.link = child.resolve(text) }
      case "atom:link":
        let rel = child.attribute("rel")?.lowercased() ?? "alternate"
        if rel == "alternate", alternate == nil, let href = child.attribute("href") { alternate = child.resolve(href) }
        if rel == "enclosure", let href = child.attribute("href") { item.addEnclosure(enclosure(child, href: href)) }
      case "guid" where guid == nil:
        let text = child.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guid = (text, child.attribute("ispermalink")?.lowercased() != "false")
      case "description" where description == nil, "abstract" where description == nil:
        // (`abstract`: CDF's summary.)
        description = htmlText(child)
      case "content:encoded" where content == nil, "fullitem" where content == nil,
        "xhtml:body" where content == nil, "body" where content == nil:
        // Legacy full-content forms: `<fullitem>` (escaped HTML), `<xhtml:body>` and a bare
        // `<body>` (inline XHTML).
        content = htmlText(child)
      case "atom:content" where content == nil, "atom:summary" where description == nil:
        let text = atomText(child)
        if k == "atom:content" { content = text } else { description = text }
      case "media:description", "itunes:summary", "itunes:subtitle", "media:group", "dc:description":
        if other == nil { other = k == "media:group" ? mediaDescription(child) : htmlText(child) }
      case "author", "dc:creator", "itunes:author", "dc:contributor", "dc:author":
        item.addAuthor(Person(parsing: plainText(child)))
      case "atom:author", "atom:contributor": item.addAuthor(atomPerson(child))
      case "category", "dc:subject": item.addCategory(plainText(child))
      case "atom:category": item.addCategory(child.attribute("label") ?? child.attribute("term") ?? child.text)
      case "itunes:keywords":
        for keyword in plainText(child).split(separator: ",") { item.addCategory(String(keyword)) }
      case "media:content":
        if let url = child.attribute("url") { mediaContents.append(enclosure(child, href: url)) }
      case "enclosure":
        if let url = child.attribute("url") { item.addEnclosure(enclosure(child, href: url)) }
      case "pubdate", "dc:date", "atom:published", "atom:updated", "dcterms:issued", "dcterms:created",
        "dcterms:modified", "atom:issued", "atom:modified":
        let text = child.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !text.isEmpty && dates[k] == nil { dates[k] = text }
      default: break
      }
    }
    if item.title.isEmpty, let dcTitle { item.title = dcTitle }
    if item.title.isEmpty, let mediaTitle { item.title = mediaTitle }
    // CDF: `<ITEM HREF="…" LASTMOD="…">`.
    if item.link == nil, let href = node.attribute("href"), !href.isEmpty { item.link = node.resolve(href) }
    if let lastmod = node.attribute("lastmod"), !lastmod.isEmpty, dates["atom:updated"] == nil {
      dates["atom:updated"] = lastmod
    }
    if item.enclosures.isEmpty { mediaContents.forEach { item.addEnclosure($0) } }
    if item.link == nil { item.link = alternate }
    if item.link == nil, let guid, guid.permalink, Self.isWebAddress(guid.text) { item.link = node.resolve(guid.text) }
    if item.link == nil, let about = node.attribute("about"), Self.isWebAddress(about) {
      item.link = node.resolve(about)
    }
    item.id = guid?.text ?? node.attribute("about") ?? ""
    let published = ["pubdate", "dc:date", "atom:published", "dcterms:issued", "dcterms:created", "atom:issued"]
      .lazy.compactMap { dates[$0] }.first
    // dc:date says when, without saying what happened then: it stands for both.
    let updated = ["atom:updated", "dcterms:modified", "atom:modified", "dc:date"].lazy.compactMap { dates[$0] }.first
    item.published = (published ?? updated).map(Self.date)
    item.updated = updated.map(Self.date)
    setBody(&item, content: content, summary: description ?? other)
    return item
  }

  /// The text of a `media:group`'s description.
  private func mediaDescription(_ group: MarkupNode) -> String? {
    group.elements.first { key($0) == "media:description" }.map(htmlText)
  }

  // MARK: OPML

  func readOPML() -> FeedReader.Output {
    var output = FeedReader.Output()
    func visit(_ node: MarkupNode) {
      for child in node.elements {
        if child.name == "outline", let url = child.attribute("xmlurl") {
          let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
          if !trimmed.isEmpty { output.subscriptions.append(trimmed) }
        }
        visit(child)
      }
    }
    if let head = root.elements.first(where: { $0.name == "head" }),
      let title = head.elements.first(where: { $0.name == "title" })
    {
      output.title = plainText(title)
    }
    visit(root)
    return output
  }

  // MARK: Shared

  /// The body is the fullest content; the summary is kept when it says something else.
  func setBody(_ item: inout FeedItem, content: String?, summary: String?) {
    let content = content.flatMap { $0.isEmpty ? nil : $0 }
    let summary = summary.flatMap { $0.isEmpty ? nil : $0 }
    item.text = content ?? summary ?? ""
    if content != nil, let summary, summary != content { item.summary = summary }
  }

  /// An enclosure from an element with `type` and `length` (or `fileSize`) attributes.
  func enclosure(_ node: MarkupNode, href: String) -> Enclosure {
    let length = (node.attribute("length") ?? node.attribute("filesize")).flatMap {
      Int($0.trimmingCharacters(in: .whitespaces))
    }
    let type = node.attribute("type")?.trimmingCharacters(in: .whitespaces)
    return Enclosure(url: node.resolve(href), type: type?.isEmpty == false ? type : nil, length: length)
  }

  /// Text that RSS leaves undefined (titles, authors, categories): read as HTML when it
  /// holds markup, inline or escaped, or a character reference (feeds write both), else as
  /// written, so that a literal `<` as in "<3" stays.
  func plainText(_ node: MarkupNode) -> String {
    if node.hasElementChildren { return HTMLText.text(node.innerMarkup) }
    let text = node.text
    if Self.looksLikeMarkup(text) { return HTMLText.text(text) }
    return PlainTextReader.collapseSpaces(HTMLText.dropControls(text))
  }

  /// Whether `text` holds a tag (`<p>`, `</b>`, `<!--`) or a character reference (`&amp;`).
  static func looksLikeMarkup(_ text: String) -> Bool {
    var previous: UInt8 = 0
    var ampersand = -1
    for (i, b) in text.utf8.enumerated() {
      if previous == 0x3C && ((b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 0x2F || b == 0x21) { return true }
      if b == 0x26 { ampersand = i }
      if b == 0x3B && ampersand >= 0 && i - ampersand > 1 && i - ampersand < 34 { return true }
      if b == 0x20 { ampersand = -1 }
      previous = b
    }
    return false
  }

  /// Text that is HTML, escaped or written inline.
  func htmlText(_ node: MarkupNode) -> String {
    HTMLText.text(node.hasElementChildren ? node.innerMarkup : node.text)
  }

  static func isWebAddress(_ text: String) -> Bool { WebLink.isWeb(text) }

  /// A feed date as ISO 8601 UTC when it can be read, else as written.
  static func date(_ text: String) -> String { FeedDates.iso8601(text) ?? text }
}
