import Foundation

/// Turns a feed's or a page's bytes into text as a browser does. The encoding comes from,
/// in order: a byte-order mark (UTF-8, UTF-16 LE/BE); the charset of the HTTP
/// `Content-Type` when the document was fetched; the XML declaration (`<?xml … encoding=`)
/// or the HTML `<meta charset>` (and `http-equiv` Content-Type); else UTF-8, with any byte
/// that is not UTF-8 read as windows-1252. A document declared in another encoding whose
/// bytes are all valid UTF-8 (beyond ASCII) is read as UTF-8, with a warning. Labels mean what the WHATWG Encoding Standard
/// says (``TextEncoding/init(label:)``); an unknown label is a warning, never a lost document.
public enum DocumentDecoder {
  /// The markup a document is written in: where its own encoding declaration is looked for.
  public enum Markup: Sendable { case xml, html }

  /// Where the encoding used was found.
  public enum Source: String, Sendable {
    case byteOrderMark = "byte-order mark"
    case http = "HTTP Content-Type"
    case declaration = "the document's declaration"
    case `default` = "default"
  }

  /// A decoded document.
  public struct Decoded: Sendable {
    /// The text, without a byte-order mark.
    public var text: String
    public var encoding: TextEncoding
    public var source: Source
    /// One line each: labels that name no encoding.
    public var warnings: [String] = []
  }

  /// Decodes `data`; `httpCharset` is the `charset` of the response's Content-Type, if any.
  /// - Complexity: O(n).
  public static func decode(_ data: Data, httpCharset: String? = nil, markup: Markup) -> Decoded {
    data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      var warnings: [String] = []
      var sawUnknownLabel = false
      func finish(_ encoding: TextEncoding, _ source: Source, skipping prefix: Int = 0) -> Decoded {
        let rest = UnsafeRawBufferPointer(rebasing: raw[prefix...])
        let text =
          encoding == .utf8 && !sawUnknownLabel ? TextEncoding.decodeUTF8WithFallback(rest) : encoding.decode(rest)
        return Decoded(text: text, encoding: encoding, source: source, warnings: warnings)
      }
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return finish(.utf8, .byteOrderMark, skipping: 3) }
      if bytes.starts(with: [0xFF, 0xFE]) { return finish(.utf16LE, .byteOrderMark, skipping: 2) }
      if bytes.starts(with: [0xFE, 0xFF]) { return finish(.utf16BE, .byteOrderMark, skipping: 2) }
      // UTF-16 without a mark shows itself by the zero bytes around the first "<".
      if bytes.starts(with: [0x3C, 0x00, 0x3F, 0x00]) || bytes.starts(with: [0x3C, 0x00, 0x21, 0x00]) {
        return finish(.utf16LE, .declaration)
      }
      if bytes.starts(with: [0x00, 0x3C, 0x00, 0x3F]) || bytes.starts(with: [0x00, 0x3C, 0x00, 0x21]) {
        return finish(.utf16BE, .declaration)
      }
      func resolve(_ label: String, from place: String) -> TextEncoding? {
        guard let encoding = TextEncoding(label: label) else {
          warnings.append("unknown character encoding \"\(label)\" in \(place); read as UTF-8")
          sawUnknownLabel = true
          return nil
        }
        // A document read as ASCII that says it is UTF-16 cannot be: it is UTF-8 (as in browsers).
        return encoding.isASCIICompatible ? encoding : .utf8
      }
      // A label that names another encoding than the bytes are in: a document whose every
      // byte sequence is valid UTF-8, with characters beyond ASCII, is UTF-8 whatever it says
      // (servers default to a label, pages are re-saved as UTF-8 with their old <meta>; text
      // in another encoding is practically never valid UTF-8 throughout).
      func checked(_ encoding: TextEncoding, _ source: Source, _ label: String) -> Decoded {
        if encoding != .utf8, bytes.contains(where: { $0 >= 0x80 }), String(validating: bytes, as: UTF8.self) != nil {
          warnings.append("declared \(label) in \(source.rawValue), but the bytes are UTF-8: read as UTF-8")
          return finish(.utf8, source)
        }
        return finish(encoding, source)
      }
      if let label = httpCharset, !label.isEmpty, let encoding = resolve(label, from: "the HTTP Content-Type") {
        return checked(encoding, .http, label)
      }
      let head = UnsafeBufferPointer(rebasing: bytes.prefix(4096))
      let declared = markup == .xml ? xmlDeclaredLabel(head) ?? metaDeclaredLabel(head) : metaDeclaredLabel(head)
      if let label = declared, let encoding = resolve(label, from: "the document's declaration") {
        return checked(encoding, .declaration, label)
      }
      return finish(.utf8, .default)
    }
  }

  /// The charset parameter of a Content-Type header value (`text/xml; charset=utf-8`).
  public static func charset(ofContentType value: String) -> String? {
    for parameter in value.split(separator: ";").dropFirst() {
      let parts = parameter.split(separator: "=", maxSplits: 1)
      guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
      let label = parts[1].trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\"'")))
      return label.isEmpty ? nil : label
    }
    return nil
  }

  /// The `encoding` of an XML declaration at the start (after any whitespace).
  static func xmlDeclaredLabel(_ head: UnsafeBufferPointer<UInt8>) -> String? {
    let text = String(decoding: head.prefix(1024), as: UTF8.self)
    let trimmed = text.drop { $0.isWhitespace }
    guard trimmed.hasPrefix("<?xml"), let end = trimmed.range(of: "?>") else { return nil }
    return attribute("encoding", in: String(trimmed[..<end.lowerBound]))
  }

  /// The charset of the first `<meta charset=…>` or `<meta http-equiv=Content-Type content=…>`.
  static func metaDeclaredLabel(_ head: UnsafeBufferPointer<UInt8>) -> String? {
    let text = String(decoding: head, as: UTF8.self).lowercased()
    var search = text.startIndex..<text.endIndex
    while let start = text.range(of: "<meta", range: search) {
      let end = text[start.upperBound...].firstIndex(of: ">") ?? text.endIndex
      let tag = String(text[start.upperBound..<end])
      search = end..<text.endIndex
      if let label = attribute("charset", in: tag), !label.isEmpty { return label }
      if let content = attribute("content", in: tag), let label = charset(ofContentType: "x;" + content) {
        return label
      }
    }
    return nil
  }

  /// The value of `name="…"` (or single-quoted, or bare) inside a tag's text.
  static func attribute(_ name: String, in tag: String) -> String? {
    var search = tag.startIndex..<tag.endIndex
    while let found = tag.range(of: name, options: .caseInsensitive, range: search) {
      search = found.upperBound..<tag.endIndex
      if found.lowerBound > tag.startIndex {
        let before = tag[tag.index(before: found.lowerBound)]
        guard before.isWhitespace || before == ";" || before == "\"" || before == "'" else { continue }
      }
      var rest = tag[found.upperBound...].drop { $0.isWhitespace }
      guard rest.first == "=" else { continue }
      rest = rest.dropFirst().drop { $0.isWhitespace }
      if let quote = rest.first, quote == "\"" || quote == "'" {
        return String(rest.dropFirst().prefix { $0 != quote })
      }
      return String(rest.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" && $0 != ";" })
    }
    return nil
  }
}
