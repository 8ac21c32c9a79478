import Foundation

extension ReaderExtractor {
  /// One attempt: prepares the nodes, scores paragraphs into their ancestors, picks the
  /// top candidate, gathers its related siblings and cleans the result.
  func grabArticle(_ body: PageNode) -> (content: PageNode, parentOfTop: PageNode?, top: PageNode) {
    let toScore = prepareNodes()
    let candidates = scoreParagraphs(toScore)
    let (top, parentOfTop) = topCandidate(among: candidates, body: body)
    let content = PageNode(element: "div")
    gatherSiblings(of: top, into: content)
    prepareArticle(content)
    prune(content)
    return (content, parentOfTop ?? top.parent, top)
  }

  /// Walks the page in document order removing hidden parts, the byline, a heading that
  /// repeats the title, unlikely parts and empty containers; turns divisions that hold only
  /// phrasing content into paragraphs. Returns the elements to score.
  private func prepareNodes() -> [PageNode] {
    var toScore: [PageNode] = []
    var removeTitleHeading = true
    var next: PageNode? = root
    while var node = next {
      noteLanguage(node)
      let matchString = node.className + " " + node.id
      if !Self.isProbablyVisible(node)
        || (node.attribute("aria-modal") == "true" && node.attribute("role") == "dialog")
        || takeByline(node, matchString: matchString)
      {
        next = removeAndGetNext(node)
        continue
      }
      if removeTitleHeading && headingRepeatsTitle(node) {
        removeTitleHeading = false
        next = removeAndGetNext(node)
        continue
      }
      if flags.contains(.stripUnlikely) {
        if ReaderHints.matches(matchString, ReaderHints.unlikely)
          && !ReaderHints.matches(matchString, ReaderHints.maybeCandidate)
          && !node.hasAncestor(named: "table") && !node.hasAncestor(named: "code")
          && node.name != "body" && node.name != "a"
        {
          next = removeAndGetNext(node)
          continue
        }
        if let role = node.attribute("role"), ReaderHints.unlikelyRoles.contains(role) {
          next = removeAndGetNext(node)
          continue
        }
      }
      if Self.emptiable.contains(node.name) && Self.isWithoutContent(node) {
        next = removeAndGetNext(node)
        continue
      }
      if Self.scoredTags.contains(node.name) { toScore.append(node) }
      if node.name == "div" {
        wrapPhrasingContent(of: node)
        if Self.hasSingleChild(node, named: "p") && linkDensity(node) < 0.25 {
          let paragraph = node.elementChildren[0]
          node.replace(with: paragraph)
          node = paragraph
          toScore.append(node)
        } else if !Self.hasBlockDescendant(node) {
          node.name = "p"
          toScore.append(node)
        }
      }
      next = node.nextInDocument()
    }
    return toScore
  }

  /// Elements removed when they hold no content.
  static let emptiable: Set<String> = ["div", "section", "header", "h1", "h2", "h3", "h4", "h5", "h6"]

  /// Puts each run of phrasing content directly inside a division into a paragraph.
  private func wrapPhrasingContent(of division: PageNode) {
    var paragraph: PageNode?
    for child in division.children {
      if Self.isPhrasing(child) {
        if let paragraph {
          paragraph.append(child)
        } else if !Self.isWhitespace(child) {
          let created = PageNode(element: "p")
          child.replace(with: created)
          created.append(child)
          paragraph = created
        }
      } else if let open = paragraph {
        while let last = open.children.last, Self.isWhitespace(last) { last.remove() }
        paragraph = nil
      }
    }
  }

  func removeAndGetNext(_ node: PageNode) -> PageNode? {
    let next = node.nextInDocument(skippingChildren: true)
    node.remove()
    return next
  }

  private func headingRepeatsTitle(_ node: PageNode) -> Bool {
    guard node.name == "h1" || node.name == "h2" else { return false }
    let heading = node.textContent.trimmingCharacters(in: .whitespacesAndNewlines)
    return Self.textSimilarity(articleTitle, heading) > 0.75
  }

  /// Adds each paragraph's score (1, plus one per comma, plus one per 100 characters up
  /// to 3) to its five nearest ancestors: in full to the parent, half to the grandparent,
  /// a third of the level further up. Returns the ancestors scored, in the order found.
  private func scoreParagraphs(_ elements: [PageNode]) -> [PageNode] {
    var candidates: [PageNode] = []
    for element in elements {
      guard element.parent != nil else { continue }
      let text = element.innerText
      let length = text.utf16.count
      guard length >= 25 else { continue }
      let ancestors = element.ancestors(limit: 5)
      guard !ancestors.isEmpty else { continue }
      let commas = text.unicodeScalars.reduce(0) { $0 + (Self.commas.contains($1.value) ? 1 : 0) }
      let score = 1 + Double(commas + 1) + Double(min(length / 100, 3))
      for (level, ancestor) in ancestors.enumerated() where ancestor.parent != nil {
        if ancestor.score == nil {
          initialise(ancestor)
          candidates.append(ancestor)
        }
        let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level * 3)
        ancestor.score! += score / divider
      }
    }
    return candidates
  }

  /// Commas of Latin, Arabic, Chinese and other scripts.
  static let commas: Set<UInt32> = [0x2C, 0x60C, 0xFE50, 0xFE10, 0xFE11, 0x2E41, 0x2E34, 0x2E32, 0xFF0C]

  /// The best candidate after link density, moved up to a common ancestor when several
  /// near-equal candidates share one, or to a parent that scores better or is its only child.
  private func topCandidate(among candidates: [PageNode], body: PageNode) -> (PageNode, PageNode?) {
    var top: [PageNode] = []
    for candidate in candidates {
      let score = (candidate.score ?? 0) * (1 - linkDensity(candidate))
      candidate.score = score
      for t in 0..<Self.topCandidateCount where t >= top.count || score > (top[t].score ?? 0) {
        top.insert(candidate, at: t)
        if top.count > Self.topCandidateCount { top.removeLast() }
        break
      }
    }
    guard var best = top.first, best.name != "body", best.parent != nil else {
      // No candidate: everything in the body is the candidate.
      let container = PageNode(element: "div")
      container.adoptChildren(of: body)
      body.append(container)
      initialise(container)
      return (container, body)
    }
    // Several candidates nearly as good inside one ancestor: that ancestor is the article.
    let alternatives = top.dropFirst().filter { ($0.score ?? 0) / (best.score ?? 1) >= 0.75 }.map { $0.ancestors() }
    if alternatives.count >= 3 {
      var parent = best.parent
      while let current = parent, current.name != "body" {
        if alternatives.filter({ $0.contains(where: { $0 === current }) }).count >= 3 {
          best = current
          break
        }
        parent = current.parent
      }
    }
    if best.score == nil { initialise(best) }
    // A parent scoring better than the candidate holds more of the article.
    var parent = best.parent
    var lastScore = best.score ?? 0
    let threshold = lastScore / 3
    while let current = parent, current.name != "body" {
      guard let parentScore = current.score else {
        parent = current.parent
        continue
      }
      if parentScore < threshold { break }
      if parentScore > lastScore {
        best = current
        break
      }
      lastScore = parentScore
      parent = current.parent
    }
    // An only child is read with its parent, so the parent's siblings can join.
    while let current = best.parent, current.name != "body", current.parent != nil,
      current.elementChildren.count == 1
    {
      best = current
    }
    if best.score == nil { initialise(best) }
    return (best, best.parent)
  }

  /// Moves the top candidate and those of its siblings that score well, share its class,
  /// or are paragraphs of real text, into `content`.
  private func gatherSiblings(of top: PageNode, into content: PageNode) {
    guard let parent = top.parent else {
      content.append(top)
      return
    }
    let topScore = top.score ?? 0
    let threshold = max(10, topScore * 0.2)
    var siblings = parent.elementChildren
    var index = 0
    while index < siblings.count {
      let sibling = siblings[index]
      var append = sibling === top
      if !append {
        var bonus = 0.0
        if sibling.className == top.className && !top.className.isEmpty { bonus += topScore * 0.2 }
        if let score = sibling.score, score + bonus >= threshold {
          append = true
        } else if sibling.name == "p" {
          let density = linkDensity(sibling)
          let text = sibling.innerText
          let length = text.utf16.count
          if length > 80 && density < 0.25 {
            append = true
          } else if length < 80 && length > 0 && density == 0 && (text.contains(". ") || text.hasSuffix(".")) {
            append = true
          }
        }
      }
      guard append else {
        index += 1
        continue
      }
      if !["div", "article", "section", "p"].contains(sibling.name) { sibling.name = "div" }
      content.append(sibling)
      siblings = parent.elementChildren
    }
  }

  /// How much of `b`'s words are also `a`'s, by length: 1 the same words, 0 none shared.
  static func textSimilarity(_ a: String, _ b: String) -> Double {
    let tokensA = tokens(a)
    let tokensB = tokens(b)
    guard !tokensA.isEmpty, !tokensB.isEmpty else { return 0 }
    let setA = Set(tokensA)
    let unique = tokensB.filter { !setA.contains($0) }
    let total = tokensB.joined(separator: " ").utf16.count
    return 1 - Double(unique.joined(separator: " ").utf16.count) / Double(total)
  }

  /// Lowercased runs of word characters (letters, digits, underscore), as JavaScript's `\W+` splits.
  static func tokens(_ text: String) -> [String] {
    text.lowercased().split(whereSeparator: { c in
      !(c.isASCII && (c.isLetter || c.isNumber || c == "_"))
    }).map(String.init)
  }
}
