import Foundation
import ParallaxCore
import ParallaxTestSupport
import Testing

@testable import ParallaxStore

@Suite struct StoreTests {
  func temporaryStore() throws -> (Store, String) {
    let path = TestSupport.temporaryStorePath()
    return (try Store(path: path), path)
  }

  func article(_ id: String, _ title: String, _ body: String, url: String? = nil) -> Article {
    var a = Article(id: id, title: title, body: body, source: "Wire", published: "2024-05-0\(id.count % 9 + 1)")
    a.url = url
    return a
  }

  @Test func importingTwiceAddsNothingTheSecondTime() throws {
    let (store, _) = try temporaryStore()
    let articles = [article("a", "Storm hits coast", "Winds of 130 km/h."), article("b", "Council votes", "31 to 14.")]
    let first = try store.add(articles)
    #expect((first.added, first.alreadyStored) == (2, 0))
    let again = try store.add(articles)
    #expect((again.added, again.alreadyStored) == (0, 2))
    #expect(again.rowIDs == first.rowIDs && first.rowIDs.count == 2)
    #expect(
      try store.stats() == Store.Stats(articles: 2, stories: 2, feeds: 0, unread: 2, unreadStories: 2, starred: 0))
  }

  @Test func oneArticleCarriedByTwoFeedsIsStoredOnceAndBelongsToBoth() throws {
    let (store, _) = try temporaryStore()
    let shared = article("x", "Storm hits coast", "Winds of 130 km/h.", url: "https://example.com/storm")
    _ = try store.add([shared], feed: "https://one.example/rss")
    var again = shared
    again.id = "other-id"
    _ = try store.add([again], feed: "https://two.example/rss")
    let rows = try store.allArticles()
    #expect(rows.count == 1)
    #expect(try store.feeds(of: rows[0].rowID!).map(\.url) == ["https://one.example/rss", "https://two.example/rss"])
    #expect(try store.stats().feeds == 2)
  }

  @Test func fullTextSearchFindsWordsAndPhrases() throws {
    let (store, _) = try temporaryStore()
    _ = try store.add([
      article("a", "Storm hits coast", "Winds cut power to 48,000 homes near Halden."),
      article("b", "Council votes on tram", "The tram line links the harbour and the campus."),
    ])
    #expect(try store.search("halden").map(\.inputID) == ["a"])
    #expect(try store.search("\"tram line\"").map(\.inputID) == ["b"])
    #expect(try store.search("storm OR tram").count == 2)
    #expect(try store.search("nothinglikethis").isEmpty)
  }

  @Test func storiesArePersistedAndTheFileIsSound() throws {
    let (store, path) = try temporaryStore()
    let seeds = TestSupport.seeds
    _ = try store.add(ArticleLoader().load([seeds.path]).articles)
    let rows = try store.allArticles()
    let byPrefix = Dictionary(uniqueKeysWithValues: rows.map { (String($0.inputID.prefix(3)), $0.story) })
    #expect(byPrefix["003"]! == byPrefix["004"]!)
    #expect(byPrefix["000"]! != byPrefix["003"]!)
    #expect(try store.stats().stories == 4)
    #expect(try store.integrityCheck() == "ok")
    // Reopening migrates nothing and keeps everything.
    #expect(try Store(path: path).stats().articles == 5)
  }

  @Test func readStateIsStored() throws {
    let (store, _) = try temporaryStore()
    _ = try store.add([article("a", "One", "Text.")])
    let row = try store.allArticles()[0]
    try store.setRead(row.rowID!, true)
    #expect(try store.stats().unread == 0)
  }

  @Test func theDefaultLocationFollowsTheEnvironment() {
    #expect(Store.defaultPath(environment: ["PARALLAX_STORE": "/x/y.sqlite"]) == "/x/y.sqlite")
    #expect(Store.defaultPath(environment: ["XDG_DATA_HOME": "/data"]) == "/data/parallax/parallax.sqlite")
    #expect(Store.defaultPath(environment: ["HOME": "/tmp/h"]) == "/tmp/h/.local/share/parallax/parallax.sqlite")
    #expect(
      Store.defaultPath(environment: ["HOME": "/tmp/h", "XDG_DATA_HOME": "/data"]) == "/data/parallax/parallax.sqlite")
  }
}
