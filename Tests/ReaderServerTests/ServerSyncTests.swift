import Foundation
import ParallaxCore
import ParallaxStore
import ParallaxTestSupport
import Testing

@testable import ParallaxSync
@testable import ReaderServer

/// A sync with a reader server, over the recorded replies of a real one: its feeds become
/// subscriptions with tags, its items articles grouped like any others, and state flows both
/// ways: a story read here reads every version of it there; a mark made while the server is
/// away is kept and sent later.
@Suite struct ServerSyncTests {
  static func sync(_ cases: String...) throws -> ServerSync {
    let exchanges = try cases.flatMap { try FeverServerTests.exchanges($0) }
    let server = FeverServer(
      url: FeverServerTests.url, login: "reader@example.org", password: "correct horse battery staple",
      transport: ReplayTransport(exchanges))
    return ServerSync(server: server, identity: "fever \(FeverServerTests.url) reader@example.org")
  }

  @Test func theFirstSyncStoresTheServersFeedsAndItems() async throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    let outcome = try await Self.sync("first-sync").run(store)
    #expect(outcome.feeds == 3)
    #expect(outcome.added == 4)
    #expect(outcome.requests == 5)
    #expect(try store.stats().stories == 3)
    let tags: [String] = try store.allFeeds().map { $0.tagList.joined(separator: ",") }.sorted()
    #expect(tags == ["News", "News", "Town"])
    #expect(try store.serverCounts().items == 4)
    #expect(try store.serverInfo("cursor") == "4")
  }

  @Test func aStoryReadHereReadsEveryVersionOfItOnTheServer() async throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    _ = try await Self.sync("first-sync").run(store)
    let report = try #require(try store.allArticles().first { $0.title.hasPrefix("Russia and Ukraine to Hold") })
    try store.markStoryRead(containing: try #require(report.rowID))
    let waiting = try store.pendingServerChanges()
    #expect(waiting.map(\.itemID).sorted() == ["1", "3"])
    #expect(waiting.allSatisfy { $0.field == "read" && $0.value })
    // The recorded sync after the reading sends exactly these two marks.
    let outcome = try await Self.sync("read-story").run(store)
    #expect(outcome.sent == 2)
    #expect(try store.pendingServerChanges().isEmpty)
  }

  @Test func aMarkMadeWhileTheServerIsAwayIsKeptAndSentLater() async throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    _ = try await Self.sync("first-sync").run(store)
    let report = try #require(try store.allArticles().first { $0.title.hasPrefix("Russia and Ukraine to Hold") })
    try store.markStoryRead(containing: try #require(report.rowID))
    // Nothing answers: the sync fails at once and the store keeps both marks.
    let away = ServerSync(
      server: FeverServer(
        url: FeverServerTests.url, login: "reader@example.org", password: "x", transport: ReplayTransport([])),
      identity: "fever \(FeverServerTests.url) reader@example.org")
    await #expect(throws: ServerProblem.self) { _ = try await away.run(store) }
    #expect(try store.pendingServerChanges().count == 2)
    let outcome = try await Self.sync("read-story").run(store)
    #expect(outcome.sent == 2)
  }

  @Test func whatWasReadAndStarredOnTheServerIsReadAndStarredHere() async throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    _ = try await Self.sync("first-sync").run(store)
    let report = try #require(try store.allArticles().first { $0.title.hasPrefix("Russia and Ukraine to Hold") })
    try store.markStoryRead(containing: try #require(report.rowID))
    _ = try await Self.sync("read-story").run(store)
    // On the server meanwhile: the bridge item read, the library item starred.
    let outcome = try await Self.sync("server-changes").run(store)
    #expect(outcome.taken.read == 1)
    #expect(outcome.taken.starred == 1)
    #expect(outcome.sent == 0)
    let articles = try store.allArticles()
    #expect(articles.first { $0.title.hasPrefix("Old bridge") }?.isRead == true)
    #expect(articles.first { $0.title.hasPrefix("City library") }?.isStarred == true)
    #expect(try store.pendingServerChanges().isEmpty)
  }
}
