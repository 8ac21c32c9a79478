import Foundation
import ParallaxCore

/// What fetching an article's web page gave (``AppEvent/pageFetched(handle:_:)``).
public enum PageFetch: Sendable, Equatable {
  /// The article with the page's text.
  case text(Article)
  /// The page was not used; one line saying why.
  case kept(String)
  /// No connection could be made (offline, or the host does not resolve).
  case offline(String)
}

extension AppState {
  /// Articles with fewer words than this, and a web link, are taken for summaries: the
  /// reader offers to fetch their page (the same bound as `parallax sync --full-pages`).
  public static let summaryWords = Article.summaryWords

  /// Whether the article is a feed's summary that its web page could complete.
  public static func isSummaryOnly(_ article: Article) -> Bool {
    guard let url = article.url, WebLink.isWeb(url) else { return false }
    return article.wordCount < summaryWords
  }

  /// The host of a link, for messages.
  static func host(_ url: String) -> String { URL(string: url)?.host ?? url }

  /// Starts fetching the web page of the article in the reader.
  mutating func fetchPage() -> [Effect] {
    guard case .reader(let handle) = screen else { return [] }
    let article = library.article(handle)
    guard let url = article.url, WebLink.isWeb(url) else {
      message = "this article has no web link to fetch"
      return []
    }
    guard !pageFetches.contains(handle) else {
      message = "already fetching \(Self.host(url))…"
      return []
    }
    pageFetches.insert(handle)
    message = "fetching the page from \(Self.host(url))…"
    return [.fetchPage(handle: handle, url: url)]
  }

  /// Takes a fetched page: its text replaces the article's (stored by the library), or the
  /// status line says why the article keeps its text.
  mutating func pageFetched(_ handle: Int, _ result: PageFetch) {
    pageFetches.remove(handle)
    let before = library.article(handle)
    let host = before.url.map(Self.host) ?? "the page"
    switch result {
    case .text(let article):
      let words = article.wordCount
      let was = before.wordCount
      if library.replaceArticle(handle, with: article) {
        message = "full text from \(host): \(words) words (was \(was))"
      } else {
        message = "the page's text could not be kept"
        _ = takeLibraryProblems()
      }
      if case .reader(let shown) = screen, shown == handle { move(by: 0) }
    case .kept(let reason):
      message = "\(host): \(reason); the article keeps its text"
    case .offline(let reason):
      message = "offline: cannot reach \(host) (\(reason)); the article keeps its text"
    }
  }
}
