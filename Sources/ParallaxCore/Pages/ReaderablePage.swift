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

  private static func isVisible(_ node: PageNode) -> Bool {
    if let style = node.attribute("style"), style.lowercased().filter({ !$0.isWhitespace }).contains("display:none") {
      return false
    }
    if node.hasAttribute("hidden") { return false }
    return node.attribute("aria-hidden") != "true" || node.className.contains("fallback-image")
  }
}
