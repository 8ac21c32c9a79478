/// Whether a page is probably an article, as Firefox decides whether to offer its reader
/// view (Readability's `isProbablyReaderable`): the visible paragraphs, `<pre>` and
/// `<article>` elements (and divisions of `<br>`-separated text) of at least 140
/// characters, outside unlikely parts and list items, add the square root of their
/// length beyond 140; a total over 20 is an article. A front page of short teasers, a
/// video page or a paywall stub stays under it.
enum ReaderablePage {
  static let minimumLength = 140
  static let minimumScore = 20.0

  /// Judges the page whose root is `root`, before the extractor edits it.
  static func isProbablyArticle(_ root: PageNode) -> Bool {
    var nodes = root.descendants(named: ["p", "pre", "article"])
    var seen = Set(nodes.map(ObjectIdentifier.init))
    for br in root.descendants(named: ["br"]) {
      guard let parent = br.parent, parent.name == "div", seen.insert(ObjectIdentifier(parent)).inserted else {
        continue
      }
      nodes.append(parent)
    }
    var score = 0.0
    for node in nodes {
      guard isVisible(node) else { continue }
      let matchString = node.className + " " + node.id
      if ReaderHints.matches(matchString, ReaderHints.unlikely)
        && !ReaderHints.matches(matchString, ReaderHints.maybeCandidate)
      {
        continue
      }
      if node.name == "p" && node.hasAncestor(named: "li", maxDepth: -1) { continue }
      let length = node.textContent.trimmingCharacters(in: .whitespacesAndNewlines).utf16.count
      guard length >= minimumLength else { continue }
      score += Double(length - minimumLength).squareRoot()
      if score > minimumScore { return true }
    }
    return false
  }

  /// Whether the extracted article reads as prose although no paragraph reached the
  /// reader-view length (a short news brief): three or more paragraphs of 80 characters or
  /// more that end as sentences end, at least half of its blocks, with little of the text in
  /// links. Teasers, captions, link lists, a product page's feature blurbs under headings
  /// and a paywall's one-line notice do not qualify.
  static func isShortArticle(_ content: PageNode, linkDensity: Double) -> Bool {
    guard linkDensity < 0.25 else { return false }
    let blocks = content.descendants(named: ["p", "li", "blockquote", "h2", "h3", "h4", "h5", "h6"])
      .filter { !PageNode.isBlank($0.textContent) }
    let prose = blocks.filter { block in
      guard !["h2", "h3", "h4", "h5", "h6"].contains(block.name) else { return false }
      let text = block.innerText
      guard text.utf16.count >= 80, let last = text.last else { return false }
      return ".!?\"”’)…".contains(last)
    }
    return prose.count >= 3 && prose.count * 2 >= blocks.count
  }

  private static func isVisible(_ node: PageNode) -> Bool {
    if let style = node.attribute("style"), style.lowercased().filter({ !$0.isWhitespace }).contains("display:none") {
      return false
    }
    if node.hasAttribute("hidden") { return false }
    return node.attribute("aria-hidden") != "true" || node.className.contains("fallback-image")
  }
}
