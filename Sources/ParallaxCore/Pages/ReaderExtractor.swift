import Foundation

/// Finds the article in a web page with Mozilla Readability's algorithm (the reader view
/// of Firefox, Readability.js): page parts are scored by their paragraphs' text (length,
/// commas), their class/id hints and their link density; the best-scoring container and
/// its qualifying siblings are the article, then cleaned of what is not (forms, share
/// bars, link lists, empty paragraphs, headings that repeat the title). When the result
/// is under 500 characters the search is repeated with fewer exclusions, and the longest
/// attempt wins. `docs/decisions.md` says why this algorithm and where it differs.
///
/// An extractor is used once: ``extract()`` edits the tree it was given.
final class ReaderExtractor {
  /// The exclusions in force; relaxed one by one when an attempt finds too little.
  struct Flags: OptionSet {
    let rawValue: Int
    /// Drop parts whose class or id says they are not the article.
    static let stripUnlikely = Flags(rawValue: 1)
    /// Weigh parts by their class and id.
    static let weightClasses = Flags(rawValue: 2)
    /// Clean tables, lists and divisions that look like chrome.
    static let cleanConditionally = Flags(rawValue: 4)
  }

  /// Fewer characters than this and the search is tried again with fewer exclusions.
  static let characterThreshold = 500
  /// Candidates kept when judging how close the competition is.
  static let topCandidateCount = 5
  /// Elements whose text is scored.
  static let scoredTags: Set<String> = ["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"]

  let root: PageNode
  var flags: Flags = [.stripUnlikely, .weightClasses, .cleanConditionally]
  /// The title found from the page's metadata, used to drop a heading that repeats it.
  var articleTitle: String
  /// A byline from the page's metadata: byline elements then stay in the text.
  let metadataByline: String?
  /// A byline found in the page's body (and taken out of the text).
  private(set) var byline: String?
  /// `lang` of the `<html>` element.
  private(set) var language: String?
  /// `dir` of the article or its nearest ancestor that has one.
  private(set) var direction: String?

  init(root: PageNode, title: String, metadataByline: String?) {
    self.root = root
    self.articleTitle = title
    self.metadataByline = metadataByline
  }

  /// The article's container, or nil when the page holds no text at all.
  func extract() -> PageNode? {
    prepare()
    guard let body = root.descendants(named: ["body"]).first else { return nil }
    let pristine = body.clone()
    var attempts: [(content: PageNode, length: Int)] = []
    while true {
      let (content, parentOfTop, top) = grabArticle(body)
      let length = content.innerTextLength
      if length >= Self.characterThreshold {
        findDirection(parentOfTop: parentOfTop, top: top)
        return content
      }
      attempts.append((content, length))
      // Start again from the page as it was before this attempt edited it.
      let fresh = pristine.clone()
      for child in body.children { child.remove() }
      body.adoptChildren(of: fresh)
      if flags.contains(.stripUnlikely) {
        flags.remove(.stripUnlikely)
      } else if flags.contains(.weightClasses) {
        flags.remove(.weightClasses)
      } else if flags.contains(.cleanConditionally) {
        flags.remove(.cleanConditionally)
      } else {
        guard let best = attempts.max(by: { $0.length < $1.length }), best.length > 0 else { return nil }
        findDirection(parentOfTop: parentOfTop, top: top)
        return best.content
      }
    }
  }

  /// Scripts, styles and `noscript` removed; runs of `<br>` made paragraphs; `<font>`
  /// read as `<span>`.
  private func prepare() {
    for node in root.descendants(named: ["script", "noscript", "style"]).reversed() { node.remove() }
    if let body = root.descendants(named: ["body"]).first { replaceBreaks(in: body) }
    for node in root.descendants(named: ["font"]) { node.name = "span" }
  }

  /// Replaces two or more successive `<br>` with one paragraph holding what follows, up to
  /// the next such run: `<div>foo<br>bar<br> <br><br>abc</div>` becomes
  /// `<div>foo<br>bar<p>abc</p></div>`.
  private func replaceBreaks(in element: PageNode) {
    for br in element.descendants(named: ["br"]) {
      var next = Self.skipBlankText(br.nextSibling)
      var replaced = false
      while let candidate = next, candidate.name == "br" {
        replaced = true
        let after = candidate.nextSibling
        candidate.remove()
        next = Self.skipBlankText(after)
      }
      guard replaced else { continue }
      let paragraph = PageNode(element: "p")
      br.replace(with: paragraph)
      var sibling = paragraph.nextSibling
      while let current = sibling {
        if current.name == "br", let following = Self.skipBlankText(current.nextSibling), following.name == "br" {
          break
        }
        guard Self.isPhrasing(current) else { break }
        sibling = current.nextSibling
        paragraph.append(current)
      }
      while let last = paragraph.children.last, Self.isWhitespace(last) { last.remove() }
      if let parent = paragraph.parent, parent.name == "p" { parent.name = "div" }
    }
  }

  /// `node`, or the first sibling from it on that is an element or has visible text.
  static func skipBlankText(_ node: PageNode?) -> PageNode? {
    var next = node
    while let current = next, current.isText, PageNode.isBlank(current.text) { next = current.nextSibling }
    return next
  }

  private func findDirection(parentOfTop: PageNode?, top: PageNode?) {
    var chain: [PageNode] = []
    if let parentOfTop { chain.append(parentOfTop) }
    if let top { chain.append(top) }
    if let parentOfTop { chain += parentOfTop.ancestors() }
    direction = chain.lazy.compactMap { $0.attribute("dir") }.first(where: { !$0.isEmpty })
  }

  /// Checks whether `node` is the page's byline; if so keeps its text (the caller takes it
  /// out of the article). Unlike Readability, the byline element goes even when the page's
  /// metadata names the author: a byline is the article's author, not a paragraph of it.
  func takeByline(_ node: PageNode, matchString: String) -> Bool {
    guard byline == nil else { return false }
    let rel = node.attribute("rel")
    let itemprop = node.attribute("itemprop")
    guard
      rel == "author" || (itemprop?.contains("author") ?? false) || ReaderHints.matches(matchString, ReaderHints.byline)
    else { return false }
    let text = node.textContent.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !text.isEmpty, text.utf16.count < 100 else { return false }
    // A name marked inside the byline (`itemprop="name"`) is the byline without its dressing.
    let name = node.firstDescendant { ($0.attribute("itemprop") ?? "").contains("name") }
    byline = name.map { $0.textContent.trimmingCharacters(in: .whitespacesAndNewlines) } ?? text
    return true
  }

  /// Records the page's language from the `<html>` element.
  func noteLanguage(_ node: PageNode) {
    if node.name == "html" { language = node.attribute("lang") }
  }
}
