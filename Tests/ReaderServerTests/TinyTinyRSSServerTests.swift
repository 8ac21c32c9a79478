import Foundation
import ParallaxStore
import ParallaxSync
import ParallaxTestSupport
import Testing

@testable import ReaderServer

/// The Tiny Tiny RSS client against replies of a real tt-rss (Debian 12's, API level 15),
/// recorded by `Tests/Scripts/e2e-server.sh --record`: a session from `login`, feeds with
/// their category, headlines with content paged after a `since_id`, state from the unread
/// and starred views, `updateArticle` with many ids; and each way the server says no.
@Suite struct TinyTinyRSSServerTests {
  static let url = "http://127.0.0.1:8000/api/"

  static func server(_ cases: String..., password: String = "password") throws -> TinyTinyRSSServer {
    let exchanges = try cases.flatMap { try FeverServerTests.exchanges("ttrss/" + $0) }
    return TinyTinyRSSServer(url: url, login: "admin", password: password, transport: ReplayTransport(exchanges))
  }

  @Test func theAPIAddressComesFromTheInstallationsOrItsOwn() {
    #expect(TinyTinyRSSServer.apiURL("https://rss.example.org/tt-rss") == "https://rss.example.org/tt-rss/api/")
    #expect(TinyTinyRSSServer.apiURL("https://rss.example.org/tt-rss/") == "https://rss.example.org/tt-rss/api/")
    #expect(TinyTinyRSSServer.apiURL("https://rss.example.org/api") == "https://rss.example.org/api/")
    #expect(TinyTinyRSSServer.apiURL("https://rss.example.org/api/") == "https://rss.example.org/api/")
  }

  @Test func feedsComeWithTheirCategoryAsTag() async throws {
    let server = try Self.server("first-sync")
    try await server.logIn()
    let feeds = try await server.feeds()
    #expect(Set(feeds.map(\.title)) == ["Wire", "Daily", "Local"])
    #expect(feeds.first { $0.title == "Local" }?.tags == ["Town"])
    #expect(feeds.first { $0.title == "Wire" }?.tags == ["News"])
  }

  @Test func headlinesPageAfterSinceIDAndCarryTheirState() async throws {
    let server = try Self.server("first-sync")
    let page = try await server.items(after: nil)
    #expect(page.items.count == 4)
    #expect(page.cursor == "4/0/4")
    #expect(page.items.allSatisfy { !$0.isRead && !$0.isStarred })
    let titles = page.items.compactMap { $0.item.article(feedTitle: nil)?.title }
    #expect(titles.contains("Russia and Ukraine to Hold Peace Talks in Istanbul"))
    let next = try await server.items(after: page.cursor)
    #expect(next.items.isEmpty)
    let state = try await server.state()
    #expect(state.unread == ["1", "2", "3", "4"])
    #expect(state.starred.isEmpty)
  }

  @Test func aWrongPasswordAndTheAPISwitchedOffAreSaid() async throws {
    let wrong = try Self.server("wrong-password", password: "not the password")
    await #expect(throws: ServerProblem(.refusedLogin, url: Self.url)) { try await wrong.logIn() }
    let off = try Self.server("api-off")
    await #expect(throws: ServerProblem(.apiDisabled, url: Self.url)) { try await off.logIn() }
  }

  @Test func theLoginPageIsNotTheAPI() async throws {
    let exchange = try #require(try FeverServerTests.exchanges("ttrss/html-page").first)
    #expect(throws: ServerProblem(.notTheAPI("an HTML page"), url: Self.url)) {
      try ServerReplyReader(url: Self.url).object(exchange.reply)
    }
  }

  @Test func aStoryReadHereReadsBothVersionsInOneRequest() async throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    let first = ServerSync(server: try Self.server("first-sync"), identity: "ttrss \(Self.url) admin")
    let outcome = try await first.run(store)
    #expect(outcome.added == 4)
    #expect(try store.stats().stories == 3)
    let report = try #require(try store.allArticles().first { $0.title.hasPrefix("Russia and Ukraine to Hold") })
    try store.markStoryRead(containing: try #require(report.rowID))
    let second = ServerSync(server: try Self.server("read-story"), identity: "ttrss \(Self.url) admin")
    let sent = try await second.run(store)
    #expect(sent.sent == 2)
    #expect(sent.requests == 7)  // login, categories, feeds, headlines, unread, starred, update
  }
}
