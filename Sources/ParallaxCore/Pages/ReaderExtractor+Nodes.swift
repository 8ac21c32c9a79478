import Foundation

extension ReaderExtractor {
  /// Elements that make a division more than a paragraph.
  static let blockTags: Set<String> = ["blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"]
  /// Elements that flow inside a paragraph.
  static let phrasingTags: Set<String> = [
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em", "embed", "i", "img",
    "input", "kbd", "label", "mark", "math", "meter", "noscript", "object", "output", "progress", "q", "ruby", "samp",
    "script", "select", "small", "span", "strong", "sub", "sup", "textarea", "time", "var", "wbr",
  ]

  /// Starting weight of a candidate by its element, plus its class weight.
  func initialise(_ node: PageNode) {
    var score = 0.0
    switch node.name {
    case "div": score = 5
    case "pre", "td", "blockquote": score = 3
    case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": score = -3
    case "h1", "h2", "h3", "h4", "h5", "h6", "th": score = -5
    default: break
    }
    node.score = score + Double(classWeight(node))
  }

  /// +25 for an article-like class or id, −25 for a chrome-like one (each of the two).
  func classWeight(_ node: PageNode) -> Int {
    guard flags.contains(.weightClasses) else { return 0 }
    var weight = 0
    for value in [node.className, node.id] where !value.isEmpty {
      if ReaderHints.isNegative(value) { weight -= 25 }
      if ReaderHints.matches(value, ReaderHints.positive) { weight += 25 }
    }
    return weight
  }

  /// The share of a node's text that is link text (in-page `#` links count 0.3).
  func linkDensity(_ node: PageNode) -> Double {
    let length = node.innerTextLength
    guard length > 0 else { return 0 }
    var linkLength = 0.0
    for link in node.descendants(named: ["a"]) {
      let href = link.attribute("href") ?? ""
      let coefficient = href.count > 1 && href.hasPrefix("#") ? 0.3 : 1
      linkLength += Double(link.innerTextLength) * coefficient
    }
    return linkLength / Double(length)
  }

  /// The share of a node's text inside descendants named `tags` (nested ones count twice).
  static func textDensity(_ node: PageNode, _ tags: Set<String>) -> Double {
    let length = node.innerTextLength
    guard length > 0 else { return 0 }
    let inside = node.descendants(named: tags).reduce(0) { $0 + $1.innerTextLength }
    return Double(inside) / Double(length)
  }

  /// Text, or an element that flows inside a paragraph (a link, `del` or `ins` when all
  /// it holds does).
  static func isPhrasing(_ node: PageNode) -> Bool {
    node.isText || phrasingTags.contains(node.name)
      || (["a", "del", "ins"].contains(node.name) && node.children.allSatisfy(isPhrasing))
  }

  /// Blank text or a line break.
  static func isWhitespace(_ node: PageNode) -> Bool {
    node.isText ? PageNode.isBlank(node.text) : node.name == "br"
  }

  /// An element with no text whose only elements, if any, are line breaks and rules.
  static func isWithoutContent(_ node: PageNode) -> Bool {
    guard node.isElement, PageNode.isBlank(node.textContent) else { return false }
    let elements = node.elementChildren.count
    return elements == 0 || elements == node.count(named: "br") + node.count(named: "hr")
  }

  /// Exactly one element child, named `name`, and no text beside it.
  static func hasSingleChild(_ node: PageNode, named name: String) -> Bool {
    let elements = node.elementChildren
    guard elements.count == 1, elements[0].name == name else { return false }
    return !node.children.contains { child in
      child.isText && child.text.unicodeScalars.last.map { !PageNode.isSpace($0) } == true
    }
  }

  /// Whether a block element is anywhere inside.
  static func hasBlockDescendant(_ node: PageNode) -> Bool {
    node.children.contains { blockTags.contains($0.name) || hasBlockDescendant($0) }
  }

  /// Not hidden by `display: none`, `visibility: hidden`, `hidden` or `aria-hidden="true"`
  /// (math images that wiki pages hide for screen readers excepted).
  static func isProbablyVisible(_ node: PageNode) -> Bool {
    if let style = node.attribute("style") {
      let compact = style.lowercased().filter { !$0.isWhitespace }
      if compact.contains("display:none") || compact.contains("visibility:hidden") { return false }
    }
    if node.hasAttribute("hidden") { return false }
    if node.attribute("aria-hidden") == "true" && !node.className.contains("fallback-image") { return false }
    return true
  }
}
