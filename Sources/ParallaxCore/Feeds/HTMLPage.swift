import Foundation

/// The readable part of a web page: its `<title>` and the text of its article. When the
/// page marks its article (`<article>`, else `<main>`), only that element is read, which
/// leaves out navigation, sidebars, related links and ads around it; otherwise the whole
/// `<body>` is read with page chrome (nav, header, footer, aside, forms, scripts) dropped.
/// The page is parsed once, by libxml2's HTML parser (``MarkupDocument``).
public struct HTMLPage: Sendable, Hashable {
  /// The page title, if it has one.
  public var title: String?
  /// The readable text, paragraphs separated by blank lines.
  public var text: String

  public init(_ html: String) {
    guard let document = MarkupDocument(html: html, url: nil), let root = document.root else {
      text = ""
      return
    }
    if let node = Self.first(["title"], in: root) {
      let t = PlainTextReader.collapseSpaces(HTMLText.dropControls(node.text))
      title = t.isEmpty ? nil : t
    }
    for name in ["article", "main"] {
      if let node = Self.first([name], in: root) {
        let t = HTMLText.text(of: node, droppingChrome: false)
        if !t.isEmpty {
          text = t
          return
        }
      }
    }
    let body = Self.first(["body"], in: root) ?? root
    text = HTMLText.text(of: body, droppingChrome: true)
  }

  /// The first element (document order) with one of `names`.
  static func first(_ names: Set<String>, in node: MarkupNode) -> MarkupNode? {
    for child in node.elements {
      if names.contains(child.name) { return child }
      if let found = first(names, in: child) { return found }
    }
    return nil
  }
}
