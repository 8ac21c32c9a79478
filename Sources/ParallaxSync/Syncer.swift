import Foundation
import ParallaxCore
import ParallaxStore

/// Limits for `parallax sync`.
public struct SyncSettings: Sendable {
  /// Seconds without data before a request fails (the whole request may take four times it).
  public var timeout: TimeInterval = 20
  public var maxRedirects = 5
  /// Responses larger than this are abandoned.
  public var maxBytes = 10 << 20
  /// Feeds fetched at the same time.
  public var concurrency = 4

  public init() {}
}

/// Fetches every subscribed feed and stores new articles. One feed's failure never stops the
/// others and never removes stored articles; it is recorded on the feed and reported.
public struct Syncer: Sendable {
  /// What happened to one feed.
  public struct Report: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
      case updated(added: Int, alreadyStored: Int)
      case notModified
      case failed(String)
    }

    public var url: String
    public var status: Status
  }

  let store: Store
  let settings: SyncSettings

  public init(store: Store, settings: SyncSettings = SyncSettings()) {
    self.store = store
    self.settings = settings
  }

  /// Syncs every `http(s)` subscription, `concurrency` at a time; `progress` is called as
  /// each feed finishes, with the number done and the total.
  public func run(progress: @escaping @Sendable (Report, Int, Int) -> Void = { _, _, _ in }) async throws -> [Report] {
    let feeds = try store.allFeeds().filter { $0.url.hasPrefix("http://") || $0.url.hasPrefix("https://") }
    let fetcher = FeedFetcher(settings: settings)
    var reports: [Report] = []
    await withTaskGroup(of: Report.self) { group in
      var next = 0
      func start() {
        guard next < feeds.count else { return }
        let feed = feeds[next]
        next += 1
        group.addTask { await self.sync(feed, with: fetcher) }
      }
      for _ in 0..<max(1, settings.concurrency) { start() }
      while let report = await group.next() {
        reports.append(report)
        progress(report, reports.count, feeds.count)
        start()
      }
    }
    if reports.contains(where: { if case .updated(let added, _) = $0.status { return added > 0 } else { return false } }
    ) {
      try store.regroup()
    }
    return reports.sorted { $0.url < $1.url }
  }

  func sync(_ feed: Feed, with fetcher: FeedFetcher) async -> Report {
    guard let url = URL(string: feed.url) else { return Report(url: feed.url, status: .failed("not a URL")) }
    let outcome = await fetcher.fetch(url, etag: feed.etag, lastModified: feed.lastModified)
    do {
      switch outcome {
      case .notModified:
        try store.recordFetch(feed.url, etag: feed.etag, lastModified: feed.lastModified, title: nil, error: nil)
        return Report(url: feed.url, status: .notModified)
      case .failed(let message):
        try store.recordFetch(feed.url, etag: feed.etag, lastModified: feed.lastModified, title: nil, error: message)
        return Report(url: feed.url, status: .failed(message))
      case .ok(let data, let etag, let lastModified):
        let parsed: FeedReader.Output
        do {
          parsed = try FeedReader.read(data)
        } catch {
          let message = "\(error)"
          try store.recordFetch(feed.url, etag: feed.etag, lastModified: feed.lastModified, title: nil, error: message)
          return Report(url: feed.url, status: .failed(message))
        }
        let result = try store.add(parsed.articles, feed: feed.url, regroup: false)
        try store.recordFetch(feed.url, etag: etag, lastModified: lastModified, title: parsed.title, error: nil)
        return Report(url: feed.url, status: .updated(added: result.added, alreadyStored: result.alreadyStored))
      }
    } catch {
      return Report(url: feed.url, status: .failed("store: \(error)"))
    }
  }
}
