extension ReaderExtractor {
  /// Containers whose class or id weighs negative (comments, share, related, promo,
  /// sidebar…) are dropped whatever their element, as Readability drops such tables, lists
  /// and divisions; headings and paragraphs are judged by their text instead.
  static let prunedContainers: Set<String> = ["section", "aside", "nav", "header", "ol", "dl", "form", "details"]

  /// Takes out what Readability leaves in an article but a reader never wants: short
  /// clusters of links (related stories, "more from", tag lists) and containers marked as
  /// chrome, with a short heading left introducing nothing. Recorded in `docs/decisions.md` ("Article
  /// text from web pages"): boilerplate removal of this kind is what puts trafilatura and
  /// boilerpipe ahead of Readability in precision on news pages.
  func prune(_ content: PageNode) {
    let total = max(1, content.innerTextLength)
    if flags.contains(.weightClasses) {
      for node in content.descendants(named: Self.prunedContainers).reversed()
      where node.parent != nil && classWeight(node) < 0 && node.innerTextLength * 2 < total {
        node.remove()
      }
    }
    // Short clusters of links ("More: A, B, C", "Read more", tag lists), by trafilatura's
    // link-density test: under 100 characters (300 when last in its parent; a paragraph
    // 30 or 60) and over 80 % link text, or mostly links of under 10 characters.
    for node in content.descendants(named: ["ul", "ol"]).reversed() where node.parent != nil {
      guard isLinkCluster(node) else { continue }
      let heading = Self.previousElement(node)
      node.remove()
      if let heading, ["h2", "h3", "h4", "h5", "h6"].contains(heading.name), heading.innerTextLength < 60 {
        heading.remove()
      }
    }
  }

  /// Whether `node` is a short cluster of links (trafilatura's `link_density_test`).
  func isLinkCluster(_ node: PageNode) -> Bool {
    let links = node.descendants(named: ["a"])
    guard !links.isEmpty else { return false }
    let isLast = node.nextElementSibling == nil
    let limit = node.name == "p" ? (isLast ? 60 : 30) : (isLast ? 300 : 100)
    let length = node.innerTextLength
    guard length < limit else { return false }
    let lengths = links.map(\.innerTextLength)
    let linkLength = lengths.reduce(0, +)
    let short = lengths.filter { $0 < 10 }.count
    return Double(linkLength) > 0.8 * Double(length) || (links.count > 1 && Double(short) / Double(links.count) > 0.8)
  }

  /// The element just before `node` among its siblings, skipping blank text.
  static func previousElement(_ node: PageNode) -> PageNode? {
    guard let parent = node.parent, let index = parent.index(of: node) else { return nil }
    for sibling in parent.children[..<index].reversed() {
      if sibling.isElement { return sibling }
      if !PageNode.isBlank(sibling.text) { return nil }
    }
    return nil
  }
}
