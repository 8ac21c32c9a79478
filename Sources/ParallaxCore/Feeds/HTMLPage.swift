import Foundation

/// The readable part of a web page: its `<title>` and the text of its article. When the
/// page marks its article (`<article>`, else `<main>`), only that element is read, which
/// leaves out navigation, sidebars, related links and ads around it; otherwise the whole
/// `<body>` is read with page chrome (nav, header, footer, aside, forms, scripts) dropped.
public struct HTMLPage: Sendable, Hashable {
  /// The page title, if it has one.
  public var title: String?
  /// The readable text, paragraphs separated by blank lines.
  public var text: String

  public init(_ html: String) {
    if let start = html.range(of: "<title", options: .caseInsensitive),
      let open = html[start.upperBound...].firstIndex(of: ">"),
      let end = html.range(of: "</title>", options: .caseInsensitive, range: open..<html.endIndex)
    {
      title = HTMLText.text(String(html[html.index(after: open)..<end.lowerBound]))
      if title?.isEmpty == true { title = nil }
    }
    let main = Self.element("article", in: html) ?? Self.element("main", in: html)
    if let main {
      text = HTMLText.text(main)
    } else if let body = html.range(of: "<body", options: .caseInsensitive) {
      text = HTMLText.text(String(html[body.lowerBound...]))
    } else {
      text = HTMLText.text(html)
    }
  }

  /// The inner HTML of the first `<name …>…</name>` (or to the end when unclosed), when it
  /// holds some text.
  static func element(_ name: String, in html: String) -> String? {
    var search = html.startIndex..<html.endIndex
    while let start = html.range(of: "<" + name, options: .caseInsensitive, range: search) {
      search = start.upperBound..<html.endIndex
      guard let next = html[start.upperBound...].first, next == ">" || next == " " || next == "\t" || next == "\n",
        let open = html[start.upperBound...].firstIndex(of: ">")
      else { continue }
      let contentStart = html.index(after: open)
      let end =
        html.range(of: "</" + name + ">", options: .caseInsensitive, range: contentStart..<html.endIndex)?.lowerBound
        ?? html.endIndex
      let inner = String(html[contentStart..<end])
      return HTMLText.text(inner).isEmpty ? nil : inner
    }
    return nil
  }
}
