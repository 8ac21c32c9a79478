extension Article {
  /// Takes a web page's article text as this article's body (cleaned as every body is:
  /// furniture lines dropped, credit lines kept as attributions, a repeated title removed)
  /// and fills in the authors and date the article lacks from the page's metadata.
  public mutating func adoptPage(_ page: HTMLPage) {
    body = PlainTextReader.cleanBody(Article.paragraphs(of: page.text), title: title, attributions: &attributions)
    if authors.isEmpty { authors = page.authors.map { Person(name: $0) } }
    if published == nil { published = page.published }
    if language == nil { language = page.language }
  }

  /// A web page read as an article (the one page-to-article step of the loader, and of
  /// ``adoptPage(_:)`` for a feed's summary): its headline (else its text's first
  /// sentence), its article text, authors, date and language; nil when it has no text.
  public init?(page: HTMLPage, id: String) {
    guard
      var article = FeedReader.makeArticle(
        id: id, title: page.title, text: page.text, link: nil, date: page.published, source: nil)
    else { return nil }
    article.authors = page.authors.map { Person(name: $0) }
    article.language = page.language
    self = article
  }
}
