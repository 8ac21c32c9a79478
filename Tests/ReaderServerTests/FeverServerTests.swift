import Foundation
import ParallaxStore
import ParallaxSync
import ParallaxTestSupport
import Testing

@testable import ReaderServer

/// The Fever client against replies of a real Fever server (Coldsweat), recorded by
/// `Tests/Scripts/e2e-server.sh --record`: feeds with their groups, items paged by
/// `since_id`, read and starred state, marks; and each way the server can say no.
@Suite struct FeverServerTests {
  static let fixtures = TestSupport.repository.appendingPathComponent("Tests/ReaderServerTests/Fixtures")
  static let url = "http://127.0.0.1:8000/fever/"

  static func server(_ cases: String..., password: String = "correct horse battery staple") throws -> FeverServer {
    let exchanges = try cases.flatMap { try Self.exchanges($0) }
    return FeverServer(
      url: url, login: "reader@example.org", password: password, transport: ReplayTransport(exchanges))
  }

  static func exchanges(_ name: String) throws -> [RecordedExchange] {
    let folder = fixtures.appendingPathComponent(name.contains("/") ? name : "fever/" + name).path
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
    return try names.map {
      try JSONDecoder().decode(RecordedExchange.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/" + $0)))
    }
  }

  @Test func theKeyIsTheMD5OfLoginColonPassword() {
    // md5("me@example.org:correct horse battery"), as `printf … | md5sum` prints it.
    #expect(
      FeverServer.apiKey(login: "me@example.org", password: "correct horse battery")
        == "022984ece785bf6fb26aeda25bdbb64d")
    #expect(FeverServer.apiKey(login: "", password: "") == "853ae90f0351324bd73ea615e6487517")  // md5(":")
  }

  @Test func feedsComeWithTheirGroupsAsTags() async throws {
    let server = try Self.server("first-sync")
    try await server.logIn()
    let feeds = try await server.feeds()
    #expect(feeds.map(\.title) == ["Wire", "Daily", "Local"])
    #expect(feeds.map(\.tags) == [["News"], ["News"], ["Town"]])
    #expect(feeds.allSatisfy { $0.url.hasSuffix(".rss") })
  }

  @Test func itemsPageBySinceIDAndCarryTheirState() async throws {
    let server = try Self.server("first-sync")
    let page = try await server.items(after: nil)
    #expect(page.items.count == 4)
    #expect(page.cursor == "4")
    #expect(page.items.allSatisfy { !$0.isRead && !$0.isStarred })
    let article = try #require(page.items.first?.item.article(feedTitle: "Wire"))
    #expect(article.title == "Russia and Ukraine to Hold Peace Talks in Istanbul")
    #expect(article.body.contains("Peskov"))
    let state = try await server.state()
    #expect(state.unread == ["1", "2", "3", "4"])
    #expect(state.starred.isEmpty)
    #expect(server.requestCount == 2)
  }

  @Test func aWrongPasswordIsARefusedLogin() async throws {
    let server = try Self.server("wrong-password", password: "not the password")
    await #expect(throws: ServerProblem(.refusedLogin, url: Self.url)) { try await server.logIn() }
  }

  @Test func anHTMLPageOrNothingThereIsNotTheAPI() async throws {
    for name in ["html-page", "not-found"] {
      let exchange = try #require(try Self.exchanges(name).first)
      do {
        _ = try ServerReplyReader(url: Self.url).object(exchange.reply)
        Issue.record("\(name) was read as the API")
      } catch let problem as ServerProblem {
        guard case .notTheAPI = problem.kind else {
          Issue.record("\(name): \(problem)")
          continue
        }
        #expect(problem.description.contains("not the API"))
      }
    }
  }

  /// Coldsweat never limits requests nor breaks its JSON: these replies are made here, in
  /// the forms FreshRSS and Miniflux use.
  @Test func aRateLimitAndBrokenJSONAreSaidInOneLine() throws {
    let reader = ServerReplyReader(url: Self.url)
    #expect(throws: ServerProblem(.rateLimited(retryAfter: "30"), url: Self.url)) {
      try reader.object(ServerReply(status: 429, retryAfter: "30", body: Data()))
    }
    #expect(
      ServerProblem(.rateLimited(retryAfter: "30"), url: Self.url).description
        == "\(Self.url) limits requests (HTTP 429); try again in 30 s")
    #expect(throws: ServerProblem(.malformed(#"not JSON ("{"auth": 1,")"#), url: Self.url)) {
      try reader.object(ServerReply(status: 200, contentType: "application/json", body: Data("{\"auth\": 1,".utf8)))
    }
  }

  @Test func marksAreSentOneItemPerRequest() async throws {
    let server = try Self.server("read-story")
    try await server.mark(["1", "3"], .read)
    #expect(server.requestCount == 2)
    // Nothing was recorded for another item: the replay refuses it, as a server would.
    await #expect(throws: ServerProblem.self) { try await server.mark(["2"], .read) }
  }
}

/// The network transport's own failures, on this machine: nothing listening.
@Suite struct HTTPTransportTests {
  @Test func nothingListeningIsUnreachableInOneLine() async throws {
    let transport = HTTPTransport(timeout: 5)
    do {
      _ = try await transport.post("http://127.0.0.1:1/fever/?api", body: Data(), contentType: "text/plain")
      Issue.record("a reply from port 1")
    } catch let problem as ServerProblem {
      #expect(problem == ServerProblem(.unreachable("connection refused"), url: "http://127.0.0.1:1/fever/"))
      #expect(problem.description == "cannot reach http://127.0.0.1:1/fever/: connection refused")
    }
    await transport.shutdown()
  }
}
