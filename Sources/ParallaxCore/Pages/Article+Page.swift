extension Article {
  /// Takes a web page's article text as this article's body (cleaned as every body is:
  /// furniture lines dropped, credit lines kept as attributions, a repeated title removed)
  /// and fills in the authors and date the article lacks from the page's metadata.
  public mutating func adoptPage(_ page: HTMLPage) {
    body = PlainTextReader.cleanBody(Article.paragraphs(of: page.text), title: title, attributions: &attributions)
    if authors.isEmpty { authors = page.authors.map { Person(name: $0) } }
    if published == nil { published = page.published }
  }
}
