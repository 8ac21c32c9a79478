import Foundation
import ParallaxCore
import ParallaxStore
import ParallaxTestSupport
import Testing

@testable import ParallaxSync

/// `parallax sync` against a real HTTP server on loopback, started by each test.
@Suite(.serialized) struct SyncTests {
  func store() throws -> Store {
    try Store(path: TestSupport.temporaryStorePath())
  }

  func settings() -> SyncSettings {
    var s = SyncSettings()
    s.timeout = 1
    s.maxBytes = 256 << 10
    s.maxRedirects = 3
    return s
  }

  @Test func feedsAreFetchedThenAnsweredWith304WithoutLosingAnything() async throws {
    let server = try LoopbackServer()
    defer { server.stop() }
    let store = try store()
    try store.subscribe([server.url("/feed.rss")])
    let first = try await Syncer(store: store, settings: settings()).run()
    #expect(first.map(\.status) == [.updated(added: 2, alreadyStored: 0)])
    let second = try await Syncer(store: store, settings: settings()).run()
    #expect(second.map(\.status) == [.notModified])
    #expect(server.seen == ["/feed.rss", "/feed.rss if-none-match=\"v1\""])
    #expect(try store.stats().articles == 2)
    #expect(try store.stats().stories == 2)
    let feed = try #require(try store.allFeeds().first)
    #expect(feed.title == "Loopback Wire")
    #expect(feed.etag == "\"v1\"")
    #expect(feed.lastFetched != nil && feed.lastError == nil)
  }

  /// Relative links resolve against the document's own address: after a redirect, where it
  /// was served from; with `Content-Location`, there (issue 24).
  @Test func relativeLinksResolveAgainstTheServedAddressOrContentLocation() async throws {
    let server = try LoopbackServer()
    defer { server.stop() }
    let store = try store()
    try store.subscribe([server.url("/moved.rss"), server.url("/located.rss")])
    _ = try await Syncer(store: store, settings: settings()).run()
    let links = Set(try store.allArticles().compactMap(\.url))
    #expect(links == [server.url("/feeds/new/story/ferry"), server.url("/archive/2026/story/ferry")])
  }

  @Test func lastModifiedIsSentBackAndRedirectsAreFollowed() async throws {
    let server = try LoopbackServer()
    defer { server.stop() }
    let store = try store()
    try store.subscribe([server.url("/dated.rss"), server.url("/hop")])
    var s = settings()
    s.concurrency = 1
    let first = try await Syncer(store: store, settings: s).run()
    #expect(first.map(\.status) == [.updated(added: 1, alreadyStored: 0), .updated(added: 2, alreadyStored: 0)])
    let second = try await Syncer(store: store, settings: s).run()
    #expect(second.first?.status == .notModified)
    #expect(server.seen.contains("/dated.rss if-modified-since=Sat, 21 Nov 2026 10:00:00 GMT"))
    #expect(try store.stats().articles == 3)
  }

  @Test func oneBadFeedNeverStopsTheOthersOrLosesStoredArticles() async throws {
    let server = try LoopbackServer()
    defer { server.stop() }
    let store = try store()
    try store.subscribe([server.url("/feed.rss")])
    _ = try await Syncer(store: store, settings: settings()).run()
    let before = try store.list(limit: 10).map(\.title)
    try store.subscribe(["/slow", "/error", "/loop", "/endless", "/malformed"].map(server.url))
    let started = Date()
    let reports = try await Syncer(store: store, settings: settings()).run()
    #expect(Date().timeIntervalSince(started) < 30, "failing feeds must not hang the sync")
    let byPath = Dictionary(uniqueKeysWithValues: reports.map { (URL(string: $0.url)!.path, $0.status) })
    #expect(byPath["/feed.rss"] == .notModified)
    #expect(byPath["/error"] == .failed("HTTP 500 Internal Server Error"))
    guard case .failed(let slow) = byPath["/slow"], case .failed(let loop) = byPath["/loop"],
      case .failed(let endless) = byPath["/endless"], case .failed(let malformed) = byPath["/malformed"]
    else {
      Issue.record("expected failures, got \(reports)")
      return
    }
    #expect(slow.contains("timed out"))
    #expect(loop.contains("redirect"))
    #expect(endless.contains("larger than"))
    #expect(malformed.contains("malformed XML"))
    #expect(try store.list(limit: 10).map(\.title) == before)
    let errors = try store.allFeeds().filter { $0.lastError != nil }.map { URL(string: $0.url)!.path }
    #expect(errors.sorted() == ["/endless", "/error", "/loop", "/malformed", "/slow"])
  }

  @Test func theContentTypeCharsetDecidesTheEncodingWhenTheFeedDeclaresNone() async throws {
    let server = try LoopbackServer()
    defer { server.stop() }
    let store = try store()
    try store.subscribe([server.url("/cp1252")])
    let reports = try await Syncer(store: store, settings: settings()).run()
    #expect(reports.map(\.status) == [.updated(added: 1, alreadyStored: 0)])
    let article = try #require(try store.list(limit: 1).first)
    #expect(article.title == "\u{201C}Quoted\u{201D} \u{2013} \u{20AC}5")
    #expect(article.source == "Café news")
    // The relative link resolves against the feed's own address.
    #expect(article.url == server.url("/story/1"))
  }

  @Test func aRedirectLimitStopsLongChains() async throws {
    let server = try LoopbackServer()
    defer { server.stop() }
    let store = try store()
    try store.subscribe([server.url("/hop")])
    var s = settings()
    s.maxRedirects = 0
    let reports = try await Syncer(store: store, settings: s).run()
    #expect(reports.map(\.status) == [.failed("more than 0 redirects")])
    #expect(try store.stats().articles == 0)
  }

  @Test func fullPagesReplaceSummariesWithTheArticleText() async throws {
    let server = try LoopbackServer()
    defer { server.stop() }
    let store = try store()
    try store.subscribe([server.url("/dated.rss")])
    var s = settings()
    s.fullPages = true
    let reports = try await Syncer(store: store, settings: s).run()
    #expect(reports.first?.pagesFetched == 1)
    let body = try #require(try store.list(limit: 1).first?.body)
    #expect(body.contains("2,300 rivets"))
    #expect(body.contains("Anna Lind"))
    #expect(!body.contains("Sport"))
    #expect(!body.contains("Buy shoes"))
    #expect(!body.contains("Most read"))
  }

  @Test func aLinkedPageThatIsNoArticleKeepsTheSummaryAndSaysWhy() async throws {
    let server = try LoopbackServer()
    defer { server.stop() }
    let store = try store()
    try store.subscribe([server.url("/front.rss"), server.url("/gone.rss")])
    var s = settings()
    s.fullPages = true
    s.concurrency = 1
    let reports = try await Syncer(store: store, settings: s).run()
    #expect(reports.map(\.pagesFetched) == [0, 0])
    let notes = reports.flatMap(\.pageNotes)
    #expect(notes.contains { $0.contains("/front: not an article:") && $0.contains("summary was kept") })
    #expect(notes.contains { $0.contains("/error: ") && $0.contains("summary was kept") })
    let bodies = try store.list(limit: 10).map(\.body)
    #expect(bodies.allSatisfy { $0 == "The old bridge reopened on Friday." })
  }

  @Test func oneArticlesPageIsFetchedOnDemandAndUnreachableHostsSaySo() async throws {
    let server = try LoopbackServer()
    defer { server.stop() }
    var summary = Article(id: "s", title: "Bridge reopens after repairs", body: "The old bridge reopened on Friday.")
    summary.url = server.url("/page/1")
    guard case .adopted(let full) = await FullPage.fetch(summary, settings: settings()) else {
      Issue.record("the page was not adopted")
      return
    }
    #expect(full.body.contains("eleven months of repairs"))
    #expect(!full.body.contains("Most read"))
    #expect(full.url == summary.url && full.title == summary.title)

    summary.url = server.url("/front")
    let front = await FullPage.fetch(summary, settings: settings())
    #expect(front.reason?.hasPrefix("not an article:") == true)

    summary.url = "http://127.0.0.1:9/page"
    let offline = await FullPage.fetch(summary, settings: settings())
    guard case .failed(_, unreachable: true) = offline else {
      Issue.record("a closed port is not unreachable: \(offline)")
      return
    }
    #expect(offline.reason?.hasPrefix("offline or unreachable") == true)

    summary.url = "http://parallax-test.invalid/page"
    let unresolved = await FullPage.fetch(summary, settings: settings())
    guard case .failed(_, unreachable: true) = unresolved else {
      Issue.record("a name that does not resolve is not unreachable: \(unresolved)")
      return
    }

    summary.url = "file:///etc/passwd"
    #expect(await FullPage.fetch(summary, settings: settings()) == .noLink)
  }

  @Test func unreachableServersAreReportedNotThrown() async throws {
    let store = try store()
    try store.subscribe(["http://127.0.0.1:9/feed.rss"])
    let reports = try await Syncer(store: store, settings: settings()).run()
    guard case .failed(let message) = reports.first?.status else {
      Issue.record("expected a failure, got \(reports)")
      return
    }
    #expect(!message.isEmpty)
  }

  /// Lines a sync printed, by stream.
  final class Lines: @unchecked Sendable {
    let lock = NSLock()
    var output: [String] = []
    var error: [String] = []
    var printer: SyncRun.Printer {
      SyncRun.Printer(
        output: { line in self.lock.withLock { self.output.append(line) } },
        error: { line in self.lock.withLock { self.error.append(line) } })
    }
  }

  @Test func quietPrintsOnlyErrorsAndTheStatusSaysWhetherEveryFeedWasFetched() async throws {
    let server = try LoopbackServer()
    defer { server.stop() }
    let store = try store()
    try store.subscribe([server.url("/feed.rss")])
    let quiet = Lines()
    #expect(try await SyncRun(settings: settings(), quiet: true).run(store, printer: quiet.printer) == 0)
    #expect(quiet.output.isEmpty && quiet.error.isEmpty)
    #expect(try store.stats().articles == 2)

    try store.subscribe([server.url("/error")])
    let failing = Lines()
    #expect(try await SyncRun(settings: settings(), quiet: true).run(store, printer: failing.printer) == 1)
    #expect(failing.output.isEmpty)
    #expect(failing.error.contains { $0.hasPrefix("parallax: [") && $0.contains("/error: FAILED: HTTP 500") })
    #expect(failing.error.last == "parallax: 1 of 2 feeds failed (their stored articles are kept)")

    let loud = Lines()
    #expect(try await SyncRun(settings: settings()).run(store, printer: loud.printer) == 1)
    #expect(loud.output.contains { $0.contains("/feed.rss: not modified") })
    #expect(loud.output.last?.hasPrefix("2 feeds: 0 new articles, 1 failed") == true)
  }

  @Test func aSecondSyncOfOneStoreSaysSoAndLeavesOrWaitsForTheFirst() async throws {
    let server = try LoopbackServer()
    defer { server.stop() }
    let store = try store()
    try store.subscribe([server.url("/feed.rss")])
    final class Holder: @unchecked Sendable { var lock: StoreLock? }
    let holder = Holder()
    holder.lock = try StoreLock(store: store.path, wait: false)

    let second = Lines()
    #expect(try await SyncRun(settings: settings(), quiet: true).run(store, printer: second.printer) == 0)
    #expect(
      second.error == [
        "parallax: another sync is running (process \(getpid())) on \(store.path): not starting a second one (--wait waits for it)"
      ])
    #expect(server.seen.isEmpty)

    let release = Task.detached {
      try await Task.sleep(for: .milliseconds(300))
      holder.lock = nil
    }
    let waiting = Lines()
    #expect(try await SyncRun(settings: settings(), quiet: true, wait: true).run(store, printer: waiting.printer) == 0)
    try await release.value
    #expect(server.seen == ["/feed.rss"])
    #expect(try store.stats().articles == 2)
  }
}
