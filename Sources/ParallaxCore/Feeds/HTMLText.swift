import Foundation

/// Turns HTML into article paragraphs: block elements become paragraph breaks, scripts,
/// styles and page chrome (nav, header, footer, aside, form) are dropped, entities decoded.
public enum HTMLText {
  static let dropped: Set<String> = [
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "svg", "button",
  ]
  static let blocks: Set<String> = [
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "section", "article", "tr", "pre",
    "figcaption", "hr", "ul", "ol", "table", "main",
  ]

  /// The text of `html`, paragraphs separated by blank lines.
  /// - Complexity: O(n).
  public static func text(_ html: String) -> String {
    var out = ""
    var skipping: [String] = []
    var i = html.startIndex
    while i < html.endIndex {
      let c = html[i]
      if c == "<" {
        guard let close = html[i...].firstIndex(of: ">") else { break }
        let inside = html[html.index(after: i)..<close]
        if inside.hasPrefix("!--") {
          if let end = html.range(of: "-->", range: i..<html.endIndex) {
            i = end.upperBound
            continue
          }
          break
        }
        let isEnd = inside.hasPrefix("/")
        let name = inside.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
        if dropped.contains(name) {
          if isEnd {
            if let at = skipping.lastIndex(of: name) { skipping.removeSubrange(at...) }
          } else if !inside.hasSuffix("/") {
            skipping.append(name)
          }
        } else if blocks.contains(name) && skipping.isEmpty {
          out += "\n\n"
        }
        i = html.index(after: close)
        continue
      }
      if skipping.isEmpty {
        if c == "&", let semi = html[i...].prefix(10).firstIndex(of: ";") {
          let entity = String(html[html.index(after: i)..<semi])
          if let decoded = decode(entity) {
            out.append(decoded)
            i = html.index(after: semi)
            continue
          }
        }
        out.append(c.isWhitespace ? " " : c)
      }
      i = html.index(after: i)
    }
    return out.components(separatedBy: "\n\n").map(PlainTextReader.collapseSpaces).filter { !$0.isEmpty }
      .joined(separator: "\n\n")
  }

  static let named: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "mdash": "—", "ndash": "–",
    "hellip": "…", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“", "copy": "©",
  ]

  static func decode(_ entity: String) -> String? {
    if let named = named[entity] { return named }
    if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let v = UInt32(entity.dropFirst(2), radix: 16) {
      return Unicode.Scalar(v).map { String(Character($0)) }
    }
    if entity.hasPrefix("#"), let v = UInt32(entity.dropFirst()) {
      return Unicode.Scalar(v).map { String(Character($0)) }
    }
    return nil
  }
}
