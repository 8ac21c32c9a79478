import Foundation
import ParallaxCore
import ParallaxStore
import Testing

@testable import ParallaxSync

@Suite(.serialized) struct SyncTests {
  func store() throws -> Store {
    try Store(
      path: FileManager.default.temporaryDirectory.appendingPathComponent("px-sync-\(UUID().uuidString)/s.sqlite").path)
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
    #expect(try store.allFeeds().first?.title == "Loopback Wire")
  }

  @Test func oneBadFeedNeverStopsTheOthersOrLosesStoredArticles() async throws {
    let server = try LoopbackServer()
    defer { server.stop() }
    let store = try store()
    try store.subscribe([server.url("/feed.rss")])
    _ = try await Syncer(store: store, settings: settings()).run()
    try store.subscribe(["/slow", "/error", "/loop", "/endless", "/malformed"].map(server.url))
    let reports = try await Syncer(store: store, settings: settings()).run()
    let byPath = Dictionary(uniqueKeysWithValues: reports.map { (URL(string: $0.url)!.path, $0.status) })
    #expect(byPath["/feed.rss"] == .notModified)
    #expect(byPath["/error"] == .failed("HTTP 500"))
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
    #expect(try store.stats().articles == 2)
    #expect(try store.allFeeds().filter { $0.lastError != nil }.count == 5)
  }
}
