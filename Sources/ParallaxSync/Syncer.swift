import Foundation
import ParallaxCore
import ParallaxStore

/// Fetches every subscribed feed and stores new articles. One feed's failure never stops the
/// others and never removes stored articles; it is recorded on the feed and reported.
/// Stories are regrouped once, after every feed is done.
public struct Syncer: Sendable {
  /// What happened to one feed.
  public struct Report: Sendable, Equatable {
    /// The outcome for one feed.
    public enum Status: Sendable, Equatable {
      case updated(added: Int, alreadyStored: Int)
      case notModified
      case failed(String)
    }

    public var url: String
    public var status: Status
    /// Full article pages fetched for summary-only items (with `fullPages`).
    public var pagesFetched = 0
    /// One line for each linked page whose text was not used, and why (`--full-pages`).
    public var pageNotes: [String] = []
  }

  let store: Store
  let settings: SyncSettings

  public init(store: Store, settings: SyncSettings = SyncSettings()) {
    self.store = store
    self.settings = settings
  }

  /// Syncs every `http(s)` subscription (or those of `only`), `concurrency` at a time;
  /// `progress` is called as each feed finishes, with the number done and the total.
  public func run(
    only: Set<String>? = nil, progress: @escaping @Sendable (Report, Int, Int) -> Void = { _, _, _ in }
  ) async throws -> [Report] {
    let feeds = try store.allFeeds().filter {
      WebLink.isWeb($0.url) && (only?.contains($0.url) ?? true)
    }
    let fetcher = FeedFetcher(settings: settings)
    let importer = Importer(store: store)
    var reports: [Report] = []
    await withTaskGroup(of: Report.self) { group in
      var next = 0
      func start() {
        guard next < feeds.count else { return }
        let feed = feeds[next]
        next += 1
        group.addTask { await self.sync(feed, with: fetcher, into: importer) }
      }
      for _ in 0..<max(1, settings.concurrency) { start() }
      while let report = await group.next() {
        reports.append(report)
        progress(report, reports.count, feeds.count)
        start()
      }
    }
    await fetcher.shutdown()
    if importer.result.added > 0 { try importer.finish() }
    return reports.sorted { $0.url < $1.url }
  }

  func sync(_ feed: Feed, with fetcher: FeedFetcher, into importer: Importer) async -> Report {
    let outcome = await fetcher.fetch(feed.url, etag: feed.etag, lastModified: feed.lastModified)
    do {
      switch outcome {
      case .notModified:
        try store.recordFetch(feed.url, etag: feed.etag, lastModified: feed.lastModified, title: nil, error: nil)
        return Report(url: feed.url, status: .notModified)
      case .failed(let message):
        try store.recordFetch(feed.url, etag: feed.etag, lastModified: feed.lastModified, title: nil, error: message)
        return Report(url: feed.url, status: .failed(message))
      case .ok(let data, let etag, let lastModified, let contentType, let location):
        var parsed: FeedReader.Output
        do {
          parsed = try FeedReader.read(data, url: location ?? feed.url, contentType: contentType)
          if parsed.articles.isEmpty, parsed.subscriptions.isEmpty, !parsed.warnings.isEmpty {
            throw FeedReader.ReadError(description: parsed.warnings.joined(separator: "; "))
          }
        } catch {
          // The validators are not updated: the next sync fetches the feed again in full.
          let message = "\(error)"
          try store.recordFetch(feed.url, etag: feed.etag, lastModified: feed.lastModified, title: nil, error: message)
          return Report(url: feed.url, status: .failed(message))
        }
        if parsed.articles.isEmpty && !parsed.subscriptions.isEmpty {
          let message = "a subscription list, not a feed"
          try store.recordFetch(feed.url, etag: feed.etag, lastModified: feed.lastModified, title: nil, error: message)
          return Report(url: feed.url, status: .failed(message))
        }
        var pages = 0
        var notes: [String] = []
        if settings.fullPages {
          (pages, notes) = await fetchFullPages(&parsed.articles, with: fetcher)
        }
        let result = try importer.add(parsed.articles, feed: feed.url)
        // A feed read in part (a malformed spot) keeps its warning where feed errors are shown.
        let warning = parsed.warnings.isEmpty ? nil : parsed.warnings.joined(separator: "; ")
        try store.recordFetch(feed.url, etag: etag, lastModified: lastModified, title: parsed.title, error: warning)
        return Report(
          url: feed.url, status: .updated(added: result.added, alreadyStored: result.alreadyStored),
          pagesFetched: pages, pageNotes: notes)
      }
    } catch {
      let problem = (error as? Importer.Failure)?.problem ?? StoreProblem(error, path: store.path)
      return Report(url: feed.url, status: .failed("\(problem): this feed's new articles were not stored"))
    }
  }

  /// Replaces the summaries of new, short items by the article text of their linked pages
  /// (``FullPage``) when that text is longer. A page that fails or is not an article (a front
  /// page, a list, a video page, a paywall stub) keeps the summary, with a note saying why;
  /// a page holding no more text keeps it silently. Returns the pages used and the notes.
  func fetchFullPages(_ articles: inout [Article], with fetcher: FeedFetcher) async -> (used: Int, notes: [String]) {
    let stored = (try? store.storedKeys(articles)) ?? []
    var used = 0
    var notes: [String] = []
    for index in articles.indices {
      let article = articles[index]
      guard let link = article.url, !stored.contains(StoredArticle.key(of: article)),
        Self.wordCount(article.body) < settings.summaryWords
      else { continue }
      let outcome = await FullPage.fetch(article, with: fetcher)
      switch outcome {
      case .adopted(let full):
        articles[index] = full
        used += 1
      case .failed, .notArticle:
        notes.append("\(link): \(outcome.reason ?? ""); the feed's summary was kept")
      case .noMoreText, .notModified, .noLink:
        continue
      }
    }
    return (used, notes)
  }

  static func wordCount(_ text: String) -> Int { Article.wordCount(text) }
}
