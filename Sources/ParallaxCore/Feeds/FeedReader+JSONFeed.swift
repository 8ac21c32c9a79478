import Foundation

extension FeedReader {
  /// JSON Feed 1.0 and 1.1: `content_html` (as readable text) or `content_text` as the body,
  /// `summary` kept besides; `url`, else `external_url`; `authors` (1.1) and `author` (1.0);
  /// `tags`; `attachments` as enclosures.
  static func readJSONFeed(_ data: Data) throws -> Output {
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw ReadError(description: "malformed JSON")
    }
    guard let version = object["version"] as? String, version.contains("jsonfeed.org/version/") else {
      throw ReadError(description: "JSON but not a JSON Feed (no jsonfeed.org version)")
    }
    let feedURL = (object["feed_url"] as? String) ?? (object["home_page_url"] as? String)
    func absolute(_ link: String?) -> String? {
      guard let link = link?.trimmingCharacters(in: .whitespacesAndNewlines), !link.isEmpty else { return nil }
      guard let base = feedURL.flatMap(URL.init(string:)), let url = URL(string: link, relativeTo: base) else {
        return link
      }
      return url.absoluteString
    }
    func string(_ value: Any?) -> String? {
      if let s = value as? String { return s }
      if let n = value as? NSNumber { return n.stringValue }
      return nil
    }
    var output = Output(title: (object["title"] as? String).map(PlainTextReader.collapseSpaces))
    let feedAuthors = persons(object)
    for case let entry as [String: Any] in object["items"] as? [Any] ?? [] {
      var item = FeedItem()
      item.title = string(entry["title"]).map { PlainTextReader.collapseSpaces(HTMLText.dropControls($0)) } ?? ""
      item.link = absolute(string(entry["url"])) ?? absolute(string(entry["external_url"]))
      item.id = string(entry["id"]) ?? ""
      let html = string(entry["content_html"]).map(HTMLText.text)
      let text = string(entry["content_text"]).map { plain in
        Paragraphs.split(HTMLText.dropControls(plain)).map(PlainTextReader.collapseSpaces).filter { !$0.isEmpty }
          .joined(separator: "\n\n")
      }
      let summary = string(entry["summary"]).map { PlainTextReader.collapseSpaces(HTMLText.dropControls($0)) }
      let content = (html?.isEmpty == false ? html : nil) ?? text
      item.text = (content?.isEmpty == false ? content : nil) ?? summary ?? ""
      if let summary, !summary.isEmpty, item.text != summary { item.summary = summary }
      item.published = (string(entry["date_published"]) ?? string(entry["date_modified"]))
        .map(FeedDocumentReader.date)
      item.updated = string(entry["date_modified"]).map(FeedDocumentReader.date)
      let own = persons(entry)
      for person in own.isEmpty ? feedAuthors : own { item.addAuthor(person) }
      for case let tag as String in entry["tags"] as? [Any] ?? [] { item.addCategory(tag) }
      for case let attachment as [String: Any] in entry["attachments"] as? [Any] ?? [] {
        guard let url = absolute(string(attachment["url"])) else { continue }
        let length = (attachment["size_in_bytes"] as? NSNumber)?.intValue
        item.addEnclosure(Enclosure(url: url, type: string(attachment["mime_type"]), length: length))
      }
      if var article = makeArticle(item, source: output.title) {
        // JSON Feed 1.1 `language`, on the item or the feed.
        article.language =
          FeedDocumentReader.languageTag(string(entry["language"]))
          ?? FeedDocumentReader.languageTag(string(object["language"]))
        output.articles.append(article)
      }
    }
    return output
  }

  /// The `authors` (JSON Feed 1.1) or `author` (1.0) of a feed or item.
  private static func persons(_ object: [String: Any]) -> [Person] {
    var list = object["authors"] as? [Any] ?? []
    if list.isEmpty, let single = object["author"] { list = [single] }
    return list.compactMap { value -> Person? in
      guard let author = value as? [String: Any] else { return nil }
      let person = Person(
        name: (author["name"] as? String).map(PlainTextReader.collapseSpaces).flatMap { $0.isEmpty ? nil : $0 },
        uri: (author["url"] as? String).flatMap { $0.isEmpty ? nil : $0 })
      return person.isEmpty ? nil : person
    }
  }
}
