import Foundation

extension ReaderExtractor {
  /// Cleans the gathered article: forms, embeds (but videos), footers, asides, share bars,
  /// inputs, headings weighted as chrome, and tables, lists and divisions that look like
  /// chrome; empty paragraphs go too.
  func prepareArticle(_ content: PageNode) {
    markDataTables(content)
    cleanConditionally(content, "form")
    cleanConditionally(content, "fieldset")
    for tag in ["object", "embed", "footer", "link", "aside"] { clean(content, tag) }
    for part in content.elementChildren {
      var next = part.nextInDocument()
      let end = part.nextInDocument(skippingChildren: true)
      while let node = next, node !== end {
        if ReaderHints.isShareWidget(node.className + " " + node.id)
          && node.textContent.utf16.count < Self.characterThreshold
        {
          next = removeAndGetNext(node)
        } else {
          next = node.nextInDocument()
        }
      }
    }
    for tag in ["iframe", "input", "textarea", "select", "button"] { clean(content, tag) }
    for heading in content.descendants(named: ["h1", "h2"]).reversed() where classWeight(heading) < 0 {
      heading.remove()
    }
    cleanConditionally(content, "table")
    cleanConditionally(content, "ul")
    cleanConditionally(content, "div")
    for heading in content.descendants(named: ["h1"]) { heading.name = "h2" }
    for paragraph in content.descendants(named: ["p"]).reversed() {
      let media = paragraph.descendants(named: ["img", "embed", "object", "iframe"]).count
      if media == 0 && PageNode.isBlank(paragraph.textContent) { paragraph.remove() }
    }
  }

  /// Removes every `tag` element, videos from known hosts excepted for embeds.
  private func clean(_ content: PageNode, _ tag: String) {
    let isEmbed = ["object", "embed", "iframe"].contains(tag)
    for node in content.descendants(named: [tag]).reversed() {
      if isEmbed && ReaderHints.isVideo(node.attributes.map(\.value)) { continue }
      node.remove()
    }
  }

  /// Marks data tables (kept) apart from layout tables, as Firefox's accessibility code does.
  private func markDataTables(_ content: PageNode) {
    for table in content.descendants(named: ["table"]) {
      table.isDataTable = isDataTable(table)
    }
  }

  private func isDataTable(_ table: PageNode) -> Bool {
    if table.attribute("role") == "presentation" || table.attribute("datatable") == "0" { return false }
    if let summary = table.attribute("summary"), !summary.isEmpty { return true }
    if let caption = table.descendants(named: ["caption"]).first, !caption.children.isEmpty { return true }
    if !table.descendants(named: ["col", "colgroup", "tfoot", "thead", "th"]).isEmpty { return true }
    if !table.descendants(named: ["table"]).isEmpty { return false }
    var rows = 0
    var columns = 0
    for row in table.descendants(named: ["tr"]) {
      rows += max(1, Int(row.attribute("rowspan") ?? "") ?? 1)
      let cells = row.descendants(named: ["td"]).reduce(0) { $0 + max(1, Int($1.attribute("colspan") ?? "") ?? 1) }
      columns = max(columns, cells)
    }
    if columns == 1 || rows == 1 { return false }
    if rows >= 10 || columns > 4 { return true }
    return rows * columns > 10
  }

  /// Removes `tag` elements that look like chrome: negative class weight, or (with few
  /// commas) more images than paragraphs, list items outside lists, inputs, short linked
  /// text, high link density, suspicious embeds or no text-bearing elements.
  private func cleanConditionally(_ content: PageNode, _ tag: String) {
    guard flags.contains(.cleanConditionally) else { return }
    for node in content.descendants(named: [tag]).reversed() where node.parent != nil {
      if shouldRemoveConditionally(node, tag: tag) { node.remove() }
    }
  }

  private func shouldRemoveConditionally(_ node: PageNode, tag: String) -> Bool {
    let text = node.innerText
    let contentLength = text.utf16.count
    var isList = tag == "ul" || tag == "ol"
    if !isList {
      let listLength = node.descendants(named: ["ul", "ol"]).reduce(0) { $0 + $1.innerTextLength }
      isList = contentLength == 0 ? listLength > 0 : Double(listLength) / Double(contentLength) > 0.9
    }
    if tag == "table" && node.isDataTable { return false }
    if node.hasAncestor(named: "table", maxDepth: -1, where: { $0.isDataTable }) { return false }
    if node.hasAncestor(named: "code") { return false }
    if node.descendants(named: ["table"]).contains(where: \.isDataTable) { return false }
    let weight = classWeight(node)
    if weight < 0 { return true }
    guard text.filter({ $0 == "," }).count < 10 else { return false }

    let p = node.count(named: "p")
    let img = node.count(named: "img")
    let li = node.count(named: "li") - 100
    let input = node.count(named: "input")
    let headingDensity = Self.textDensity(node, ["h1", "h2", "h3", "h4", "h5", "h6"])
    var embedCount = 0
    for embed in node.descendants(named: ["object", "embed", "iframe"]) {
      if ReaderHints.isVideo(embed.attributes.map(\.value)) { return false }
      embedCount += 1
    }
    if ReaderHints.isAdOrLoading(text) { return true }
    let density = linkDensity(node)
    let textDensity = Self.textDensity(node, Self.textishTags)
    let isFigureChild = node.hasAncestor(named: "figure")

    var remove = false
    if !isFigureChild && img > 1 && Double(p) / Double(img) < 0.5 { remove = true }
    if !isList && li > p { remove = true }
    if input > p / 3 { remove = true }
    if !isList && !isFigureChild && headingDensity < 0.9 && contentLength < 25 && (img == 0 || img > 2) && density > 0 {
      remove = true
    }
    if !isList && weight < 25 && density > 0.2 { remove = true }
    if weight >= 25 && density > 0.5 { remove = true }
    if (embedCount == 1 && contentLength < 75) || embedCount > 1 { remove = true }
    if img == 0 && textDensity == 0 { remove = true }

    // A list of images stays when every item is one image.
    if isList && remove {
      if node.elementChildren.contains(where: { $0.elementChildren.count > 1 }) { return true }
      if img == node.count(named: "li") { return false }
    }
    return remove
  }

  /// Elements whose text counts as text rather than chrome.
  static let textishTags: Set<String> = [
    "span", "li", "td", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul",
  ]
}
