import Foundation

/// Reads JSON Lines articles: `id` and `text` required; `title`, `source`, `published`, `url`,
/// `language` (a BCP 47 tag), and what `parallax export` writes of feeds (`summary`,
/// `updated`, `authors`, `categories`, `enclosures`) optional; every other field kept as metadata (never used for matching).
public enum JSONLinesReader {
  /// The result of reading one JSON Lines input.
  public struct Output: Sendable {
    public var articles: [Article] = []
    public var diagnostics: [LoadDiagnostic] = []
  }

  /// Fields with a meaning of their own; the rest become metadata.
  static let knownFields: Set<String> = [
    "id", "text", "title", "source", "published", "url", "summary", "updated", "authors", "categories", "enclosures",
    "language",
  ]

  /// Reads every line of `data`; bad lines are reported with their number and skipped.
  /// - Parameters:
  ///   - data: the file's bytes.
  ///   - path: the name used in diagnostics.
  ///   - maxLineBytes: lines longer than this are skipped.
  /// - Complexity: O(n) in the size of `data`.
  public static func read(_ data: Data, path: String, maxLineBytes: Int = 16 << 20) -> Output {
    var output = Output()
    var lineNumber = 0
    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      let bytes = raw.bindMemory(to: UInt8.self)
      var start = 0
      while start < bytes.count {
        var end = start
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        lineNumber += 1
        let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
        readLine(line, number: lineNumber, path: path, maxLineBytes: maxLineBytes, into: &output)
        start = end + 1
      }
    }
    return output
  }

  static func readLine(
    _ line: UnsafeBufferPointer<UInt8>, number: Int, path: String, maxLineBytes: Int, into output: inout Output
  ) {
    func skip(_ message: String) {
      output.diagnostics.append(LoadDiagnostic(path: path, line: number, message: message, severity: .skipped))
    }
    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
    if line.count > maxLineBytes {
      skip("line of \(line.count) bytes is longer than the \(maxLineBytes)-byte limit")
      return
    }
    var bytes = Data(buffer: line)
    if String(validating: line, as: UTF8.self) == nil {
      bytes = Data(String(decoding: line, as: UTF8.self).utf8)
      output.diagnostics.append(
        LoadDiagnostic(
          path: path, line: number, message: "invalid UTF-8; undecodable bytes shown as \u{FFFD}", severity: .warning))
    }
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: bytes, options: [])
    } catch {
      skip("malformed JSON")
      return
    }
    guard let fields = object as? [String: Any] else {
      skip("not a JSON object")
      return
    }
    guard let id = scalarString(fields["id"]), !id.isEmpty else {
      skip("no \"id\" field")
      return
    }
    guard let text = fields["text"] as? String else {
      skip("no \"text\" string in article \(id)")
      return
    }
    guard let article = makeArticle(id: id, text: text, fields: fields) else {
      skip("article \(id) has no text")
      return
    }
    output.articles.append(article)
  }

  /// Builds the article, deriving a title from the text when the input has none.
  static func makeArticle(id: String, text: String, fields: [String: Any]) -> Article? {
    var paragraphs = Paragraphs.split(text)
    var title = (fields["title"] as? String).map(PlainTextReader.collapseSpaces) ?? ""
    if title.isEmpty {
      guard let derived = TitleDeriver.derive(from: &paragraphs) else { return nil }
      title = derived
    }
    var article = Article(id: id, title: title, body: "")
    article.body = PlainTextReader.cleanBody(paragraphs, title: title, attributions: &article.attributions)
    if article.body.isEmpty && paragraphs.isEmpty && title.isEmpty { return nil }
    article.source = scalarString(fields["source"])
    article.published = scalarString(fields["published"])
    article.url = scalarString(fields["url"])
    article.summary = scalarString(fields["summary"])
    article.updated = scalarString(fields["updated"])
    article.language = Language.tag(scalarString(fields["language"]))
    for value in fields["authors"] as? [Any] ?? [] {
      if let text = value as? String, let person = Person(parsing: text) { article.authors.append(person) }
      if let object = value as? [String: Any] {
        let person = Person(
          name: scalarString(object["name"]), email: scalarString(object["email"]), uri: scalarString(object["uri"]))
        if !person.isEmpty { article.authors.append(person) }
      }
    }
    article.categories = (fields["categories"] as? [Any] ?? []).compactMap(scalarString)
    for case let object as [String: Any] in fields["enclosures"] as? [Any] ?? [] {
      guard let url = scalarString(object["url"]) else { continue }
      article.enclosures.append(
        Enclosure(url: url, type: scalarString(object["type"]), length: (object["length"] as? NSNumber)?.intValue))
    }
    for (key, value) in fields where !knownFields.contains(key) {
      article.metadata[key] = scalarString(value) ?? jsonString(value)
    }
    return article
  }

  /// Strings as they are, numbers and booleans as text; nil for null, arrays and objects.
  static func scalarString(_ value: Any?) -> String? {
    switch value {
    case let s as String: return s
    case let n as NSNumber: return n.stringValue
    default: return nil
    }
  }

  static func jsonString(_ value: Any) -> String {
    guard JSONSerialization.isValidJSONObject(value),
      let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
    else { return "" }
    return String(decoding: data, as: UTF8.self)
  }
}
