import Foundation

/// Turns HTML into article paragraphs with libxml2's HTML parser, which forgives markup as
/// browsers do (unclosed elements, implied `<body>`): block elements and line breaks become
/// paragraph breaks, list items their own paragraphs; scripts, styles, `noscript`, forms
/// and comments are dropped; `iframe`, `object`, `embed` and `frame` are dropped with their
/// fallback text in whole pages, and in a feed's content only the element goes and its
/// fallback text stays (as feedparser's sanitizer keeps it); every HTML5 character reference is
/// decoded (``MarkupRepair``, numbers 128–159 as windows-1252); no markup and no control
/// character is ever let through.
public enum HTMLText {
  /// Elements whose content is never text to read.
  static let dropped: Set<String> = [
    "script", "style", "noscript", "applet", "form", "button", "select", "textarea", "input", "template",
    "annotation-xml", "head", "title", "canvas", "audio", "video", "map", "frameset",
  ]
  /// Embedded content whose fallback text a feed's content keeps (the element goes) and a
  /// whole page drops (there it is "your browser does not support frames", or an icon's
  /// title): a feed entry that is only an SVG or a frame keeps its words.
  static let embedded: Set<String> = ["iframe", "object", "embed", "frame", "svg"]
  /// Page chrome, dropped from whole pages (``HTMLPage``) but not from a feed's content.
  static let chrome: Set<String> = ["nav", "header", "footer", "aside"]
  /// Elements that start and end a paragraph.
  static let blocks: Set<String> = [
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "section", "article", "tr",
    "pre", "figure", "figcaption", "hr", "ul", "ol", "dl", "table", "main", "address", "center", "details", "summary",
    "caption", "body", "html", "header", "footer", "nav", "aside", "fieldset", "legend", "hgroup",
  ]

  /// The text of `html`, paragraphs separated by blank lines.
  /// - Complexity: O(n).
  public static func text(_ html: String) -> String { text(html, droppingChrome: false) }

  /// The text of `html`; with `droppingChrome`, navigation, headers, footers and asides go too.
  public static func text(_ html: String, droppingChrome: Bool) -> String {
    // Text with neither markup nor references is read as it is (HTML folds its whitespace).
    if !html.utf8.contains(where: { $0 == 0x3C || $0 == 0x26 }) {
      return PlainTextReader.collapseSpaces(dropControls(html))
    }
    guard let document = MarkupDocument(html: html, url: nil), let root = document.root else { return "" }
    // The nodes are the document's: it must outlive the walk, not only the call to `root`.
    return withExtendedLifetime(document) { text(of: root, droppingChrome: droppingChrome) }
  }

  /// The text of an element of a parsed page, itself included.
  static func text(of node: MarkupNode, droppingChrome: Bool) -> String {
    var builder = ParagraphBuilder()
    if node.isElement && blocks.contains(node.name) { builder.breakParagraph() }
    append(node, to: &builder, droppingChrome: droppingChrome)
    return builder.finish()
  }

  private static func append(_ node: MarkupNode, to out: inout ParagraphBuilder, droppingChrome: Bool) {
    var child = node.pointer.pointee.children
    while let current = child {
      child = current.pointee.next
      let item = MarkupNode(pointer: current)
      if item.isText {
        if let content = current.pointee.content { out.append(content) }
        continue
      }
      guard item.isElement else { continue }  // comments, processing instructions
      let name = item.name
      if dropped.contains(name) || (droppingChrome && (chrome.contains(name) || embedded.contains(name))) { continue }
      let block = blocks.contains(name)
      if block { out.breakParagraph() }
      append(item, to: &out, droppingChrome: droppingChrome)
      if block { out.breakParagraph() }
    }
  }

  /// `text` without control characters (C0 other than whitespace, DEL, C1): nothing from an
  /// article may reach the terminal as a control sequence. Tabs and line breaks become spaces
  /// only where the caller folds whitespace.
  public static func dropControls(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars where !isControl(scalar) { scalars.append(scalar) }
    return String(scalars)
  }

  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    return (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || (v >= 0x7F && v <= 0x9F)
  }

  /// The text of a character reference's inside (`eacute`, `#233`, `#xE9`), or nil when it
  /// is none. Every HTML5 name is known (``namedReferences``); numbers 128–159 mean what
  /// windows-1252 gives them, as browsers decode them; a number that is no character, a
  /// surrogate or a control character (other than tab and line breaks) becomes U+FFFD.
  static func decode(_ entity: String) -> String? {
    if let named = namedReferences[entity] { return named }
    guard entity.hasPrefix("#") else { return nil }
    let hex = entity.hasPrefix("#x") || entity.hasPrefix("#X")
    let digits = entity.dropFirst(hex ? 2 : 1)
    guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && (hex ? $0.isHexDigit : $0.isNumber) }) else {
      return nil  // not a reference ("&#x;", "&#abc;"): left as written
    }
    guard let value = UInt32(digits, radix: hex ? 16 : 10) else { return "\u{FFFD}" }  // too large
    if (128...159).contains(value), let mapped = windows1252[Int(value - 128)] { return String(Character(mapped)) }
    guard let scalar = Unicode.Scalar(value), value != 0,
      value >= 0x20 || value == 0x09 || value == 0x0A || value == 0x0D, !(0x7F...0x9F).contains(value)
    else { return "\u{FFFD}" }
    return String(Character(scalar))
  }

  /// What windows-1252 gives bytes 0x80–0x9F (nil where it gives nothing).
  static let windows1252: [Unicode.Scalar?] = [
    "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
    "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
    nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
    "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
  ]
}
