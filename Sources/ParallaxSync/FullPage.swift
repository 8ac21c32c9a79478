import Foundation
import ParallaxCore
import ReaderServer

/// The article text of one item's linked page: fetched, decoded as a browser would, read by
/// the reader-view extractor (``HTMLPage``) and adopted when it is an article holding more
/// words than the item. One step shared by `parallax sync --full-pages` and the interface's
/// fetch-page key.
public enum FullPage {
  /// What became of one page.
  public enum Outcome: Sendable, Equatable {
    /// The item with the page's text (and its byline and date where the item had none).
    case adopted(Article)
    /// The page could not be fetched; `unreachable` when no connection could be made at
    /// all (offline, or the host does not resolve).
    case failed(String, unreachable: Bool)
    /// The page is no article (a front page, a list, a video page, a paywall stub).
    case notArticle(String)
    /// The page's article text is not longer than the item's (its word count).
    case noMoreText(words: Int)
    /// The server answered 304 to an unconditional request: nothing to read.
    case notModified
    /// The item has no `http(s)` link.
    case noLink

    /// One line saying why the item kept its text (nil when the page was adopted).
    public var reason: String? {
      switch self {
      case .adopted: return nil
      case .failed(let message, let unreachable):
        return unreachable ? "offline or unreachable (\(message))" : message
      case .notArticle(let why): return "not an article: \(why)"
      case .noMoreText(let words): return "the page's article text (\(words) words) is no longer than what is stored"
      case .notModified: return "the server sent no page (HTTP 304)"
      case .noLink: return "the article has no web link"
      }
    }
  }

  /// Fetches and reads the page `article` links to, with a fetcher of its own (for one-off
  /// requests, as the interface makes them).
  public static func fetch(_ article: Article, settings: SyncSettings) async -> Outcome {
    let fetcher = FeedFetcher(settings: settings)
    let outcome = await fetch(article, with: fetcher)
    await fetcher.shutdown()
    return outcome
  }

  /// Fetches and reads the page `article` links to.
  static func fetch(_ article: Article, with fetcher: FeedFetcher) async -> Outcome {
    guard let link = article.url, WebLink.isWeb(link) else { return .noLink }
    let data: Data
    let contentType: String?
    switch await fetcher.fetch(link) {
    case .ok(let body, _, _, let type, _):
      (data, contentType) = (body, type)
    case .notModified:
      return .notModified
    case .failed(let message):
      return .failed(message, unreachable: HTTPFailure.isUnreachable(message))
    }
    let decoded = DocumentDecoder.decode(
      data, httpCharset: contentType.flatMap(DocumentDecoder.charset(ofContentType:)), markup: .html)
    let page = HTMLPage(decoded.text)
    guard page.isArticle else { return .notArticle(page.notArticleReason ?? "no article text") }
    let words = wordCount(page.text)
    guard words > wordCount(article.body) else { return .noMoreText(words: words) }
    var adopted = article
    adopted.adoptPage(page)
    return .adopted(adopted)
  }

  static func wordCount(_ text: String) -> Int { Article.wordCount(text) }
}
