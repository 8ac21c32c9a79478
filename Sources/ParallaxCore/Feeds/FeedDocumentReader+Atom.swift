import Foundation

extension FeedDocumentReader {
  func readAtom() -> FeedReader.Output {
    var output = FeedReader.Output()
    if let title = root.elements.first(where: { key($0) == "title" }) {
      output.title = atomText(title)
    }
    // `xml:lang` on an entry, else on the feed.
    let language = Self.languageTag(root.attribute("lang"))
    for node in root.elements where key(node) == "entry" {
      if var article = FeedReader.makeArticle(atomEntry(node), source: output.title) {
        article.language = Self.languageTag(node.attribute("lang")) ?? language
        output.articles.append(article)
      }
    }
    return output
  }

  func atomEntry(_ node: MarkupNode) -> FeedItem {
    var item = FeedItem()
    var content: String?
    var summary: String?
    var contentSource: String?
    var links: [(rel: String, type: String, href: String)] = []
    var dates: [String: String] = [:]
    for child in node.elements {
      let k = key(child)
      switch k {
      case "title" where item.title.isEmpty: item.title = atomText(child)
      case "id" where item.id.isEmpty: item.id = child.text.trimmingCharacters(in: .whitespacesAndNewlines)
      case "link":
        guard let href = child.attribute("href") else { continue }
        let rel = child.attribute("rel")?.lowercased() ?? "alternate"
        let type = child.attribute("type")?.lowercased() ?? ""
        if rel == "enclosure" {
          item.addEnclosure(enclosure(child, href: href))
        } else {
          links.append((rel, type, child.resolve(href)))
        }
      case "content" where content == nil:
        if let src = child.attribute("src") {
          contentSource = child.resolve(src)
        } else {
          content = atomText(child)
        }
      case "summary" where summary == nil: summary = atomText(child)
      case "author", "contributor": item.addAuthor(atomPerson(child))
      case "dc:creator", "dc:contributor": item.addAuthor(Person(parsing: child.text))
      case "category":
        item.addCategory(child.attribute("label") ?? child.attribute("term") ?? child.text)
      case "dc:subject": item.addCategory(child.text)
      case "media:description", "media:group":
        if summary == nil {
          summary =
            k == "media:group" ? child.elements.first { key($0) == "media:description" }.map(htmlText) : htmlText(child)
        }
      case "published", "updated", "issued", "modified", "created", "dc:date", "dcterms:issued",
        "dcterms:modified":
        let text = child.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !text.isEmpty && dates[k] == nil { dates[k] = text }
      default: break
      }
    }
    // The alternate link, an HTML one first; else the out-of-line content; else any link.
    let alternates = links.filter { $0.rel == "alternate" }
    item.link =
      (alternates.first { $0.type.isEmpty || $0.type.contains("html") } ?? alternates.first)?.href
      ?? contentSource ?? links.first { $0.rel != "self" && $0.rel != "edit" && $0.rel != "replies" }?.href
    let published = ["published", "issued", "created", "dc:date", "dcterms:issued"].lazy.compactMap { dates[$0] }.first
    let updated = ["updated", "modified", "dcterms:modified"].lazy.compactMap { dates[$0] }.first
    item.published = (published ?? updated).map(Self.date)
    item.updated = updated.map(Self.date)
    setBody(&item, content: content, summary: summary)
    return item
  }

  /// An Atom text construct (`title`, `summary`, `content`, `rights`) as readable text:
  /// `type="text"` (the default) as written, a literal `<` kept; `html` (and Atom 0.3's
  /// `text/html`, `mode="escaped"`) as escaped HTML; `xhtml` as the inline markup;
  /// Atom 0.3's `mode="base64"` decoded first.
  func atomText(_ node: MarkupNode) -> String {
    let type = node.attribute("type")?.lowercased().trimmingCharacters(in: .whitespaces) ?? ""
    let mode = node.attribute("mode")?.lowercased().trimmingCharacters(in: .whitespaces) ?? ""
    let isXHTML = type == "xhtml" || type.hasSuffix("xhtml+xml")
    let isHTML = type == "html" || type.hasSuffix("/html") || isXHTML
    let isText = type.isEmpty || type == "text" || type.hasPrefix("text/")
    let isXML = type.hasSuffix("+xml") || type.hasSuffix("/xml")
    // Atom 1.0 writes any other media type in base64 (RFC 4287 4.1.3.3), as 0.3's mode does.
    if mode == "base64" || (!isHTML && !isText && !isXML) {
      let encoded = node.text.filter { !$0.isWhitespace }
      if let data = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters),
        let decoded = String(data: data, encoding: .utf8), !decoded.unicodeScalars.contains(where: HTMLText.isControl)
      {
        // Untyped bytes, or Atom 0.3's loose text: HTML when they hold markup.
        return isHTML || Self.looksLikeMarkup(decoded) ? HTMLText.text(decoded) : looseText(decoded)
      }
      return mode == "base64" ? "" : looseText(node.text)  // not base64 after all: text as written
    }
    // Inline markup is read as markup, except under type="html", whose text is the HTML.
    if node.hasElementChildren && (isXHTML || !isHTML) { return HTMLText.text(node.innerMarkup) }
    if isHTML || mode == "escaped" { return HTMLText.text(node.text) }
    // Atom 0.3 feeds put HTML in untyped text as often as not; Atom 1.0 text is text.
    if node.namespace == "http://purl.org/atom/ns#" && Self.looksLikeMarkup(node.text) {
      return HTMLText.text(node.text)
    }
    return looseText(node.text)
  }

  /// Plain text, its paragraphs kept, whitespace folded within them, controls dropped.
  func looseText(_ text: String) -> String {
    Paragraphs.split(HTMLText.dropControls(text)).map(PlainTextReader.collapseSpaces).filter { !$0.isEmpty }
      .joined(separator: "\n\n")
  }

  /// An Atom person construct: `name`, `email`, `uri` (Atom 0.3: `url`, `homepage`).
  func atomPerson(_ node: MarkupNode) -> Person? {
    var person = Person()
    for child in node.elements {
      let value = PlainTextReader.collapseSpaces(child.text)
      guard !value.isEmpty else { continue }
      switch key(child).replacingOccurrences(of: "atom:", with: "") {
      case "name": person.name = person.name ?? value
      case "email": person.email = person.email ?? value
      case "uri", "url", "homepage": person.uri = person.uri ?? child.resolve(value)
      default: break
      }
    }
    if person.isEmpty, !node.hasElementChildren { return Person(parsing: node.text) }
    return person.isEmpty ? nil : person
  }
}
