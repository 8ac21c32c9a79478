import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// SAX delegate for RSS (0.9x, 1.0 RDF, 2.0), Atom 1.0 and OPML.
final class XMLFeedParser: NSObject, XMLParserDelegate {
  enum Kind { case rss, atom, opml }
  var kind: Kind?
  var output = FeedReader.Output()
  private var path: [String] = []
  private var text = ""
  private var item: [String: String]?
  private var itemLink: String?

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    let element = name.lowercased()
    if path.isEmpty {
      switch element {
      case "rss", "rdf:rdf", "rdf": kind = .rss
      case "feed": kind = .atom
      case "opml": kind = .opml
      default: break
      }
    }
    path.append(element)
    text = ""
    switch (kind, element) {
    case (.rss, "item"), (.atom, "entry"):
      item = [:]
      itemLink = nil
    case (.atom, "link") where item != nil:
      let rel = attributes["rel"] ?? "alternate"
      if rel == "alternate", let href = attributes["href"] { itemLink = href }
    case (.opml, "outline"):
      if let url = attributes["xmlUrl"] ?? attributes["xmlurl"] { output.subscriptions.append(url) }
    default:
      break
    }
  }

  /// The first error reported, with its line (FoundationXML reports some errors only here).
  var error: (line: Int, message: String)?

  func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
    if error == nil { error = (parser.lineNumber, parseError.localizedDescription) }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

  func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { text += String(decoding: CDATABlock, as: UTF8.self) }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    let element = name.lowercased()
    defer {
      path.removeLast()
      text = ""
    }
    if var fields = item {
      if element == "item" || element == "entry" {
        finishItem(fields)
        item = nil
        return
      }
      if fields[element] == nil { fields[element] = text }
      item = fields
      return
    }
    // Channel or feed title (not an item's, not an image's).
    if element == "title", output.title == nil, path.count <= 3, !path.contains("image") {
      output.title = text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
  }

  private func finishItem(_ fields: [String: String]) {
    let link = itemLink ?? fields["link"]?.trimmingCharacters(in: .whitespacesAndNewlines)
    let body = fields["content:encoded"] ?? fields["content"] ?? fields["description"] ?? fields["summary"] ?? ""
    let id = (fields["guid"] ?? fields["id"] ?? link ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    let date = fields["pubdate"] ?? fields["published"] ?? fields["updated"] ?? fields["dc:date"]
    if let article = FeedReader.makeArticle(
      id: id, title: fields["title"], text: body, link: link,
      date: date?.trimmingCharacters(in: .whitespacesAndNewlines),
      source: output.title)
    {
      output.articles.append(article)
    }
  }
}
