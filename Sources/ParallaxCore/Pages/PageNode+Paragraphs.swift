extension PageNode {
  /// Readable paragraphs of this subtree: block elements (paragraphs, headings, list
  /// items, quotes, captions, table rows…) and line breaks end a paragraph; what is never
  /// text (scripts, forms, media) is skipped, as in feed content (``HTMLText``).
  var paragraphs: String {
    var builder = ParagraphBuilder()
    appendParagraphs(to: &builder)
    return builder.finish()
  }

  private func appendParagraphs(to builder: inout ParagraphBuilder) {
    for child in children {
      if child.isText {
        builder.append(child.text)
        continue
      }
      if HTMLText.dropped.contains(child.name) { continue }
      let block = HTMLText.blocks.contains(child.name)
      if block { builder.breakParagraph() }
      child.appendParagraphs(to: &builder)
      if block { builder.breakParagraph() }
    }
  }
}
