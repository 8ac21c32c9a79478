import Foundation
import GRDB
import ParallaxCore
import ParallaxTestSupport
import Testing

@testable import ParallaxStore

/// A page fetched with `p` reaches the candidate index (review defect 4 of issue 24).
@Suite struct PageReindexTests {
  static let summary = Article(
    id: "a", title: "Drought hits vineyards", body: "A short note on the weather.", source: "Wire",
    url: "https://wire.example/drought")
  static let full = Article(
    id: "a", title: "Drought hits vineyards",
    body: """
      Winemakers in the Tokaj region of Hungary said on Tuesday that the summer drought cut grape yields by \
      40 percent, the worst harvest since 1983.

      Istvan Szabo, who heads the Tokaj growers' association, said furmint vines on the volcanic slopes \
      withered in July and that irrigation permits came too late.

      The agriculture ministry in Budapest promised 12 billion forints in emergency aid to the vineyards.
      """, source: "Wire", url: "https://wire.example/drought")
  static let rewrite = Article(
    id: "b", title: "Tokaj harvest worst since 1983",
    body: """
      Grape yields in Hungary's Tokaj wine region fell 40 percent after the summer drought, growers said \
      on Tuesday, making it the poorest harvest since 1983.

      Tokaj growers' association head Istvan Szabo said the furmint vines on the volcanic hillsides dried \
      out in July, with irrigation permits arriving too late.

      Budapest's agriculture ministry pledged 12 billion forints of emergency aid for the vineyards.
      """, source: "Daily", url: "https://daily.example/tokaj")

  @Test func aFetchedPageIsFoundByLaterArticlesThroughItsFullText() throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    try store.add([Self.summary])
    let id = try #require(try store.allArticles().first?.rowID)
    #expect(try store.replaceText(of: id, with: Self.full))
    // The index holds the page's words now, not only the summary's.
    let tokaj = HashedSignature(ArticleSignature(text: "Tokaj")).terms
    let weather = HashedSignature(ArticleSignature(text: "weather")).terms
    let (tokajDF, weatherDF) = try store.pool.read { db in
      (
        try Int.fetchOne(db, sql: "SELECT df FROM termStat WHERE hash = ?", arguments: [Int64(bitPattern: tokaj[0])]),
        try Int.fetchOne(db, sql: "SELECT df FROM termStat WHERE hash = ?", arguments: [Int64(bitPattern: weather[0])])
      )
    }
    #expect(tokajDF == 1)
    #expect(weatherDF == 0)
    // A rewrite of the page that arrives later joins its story.
    try store.add([Self.rewrite])
    let stories = try store.storyPage(offset: 0, limit: 10)
    #expect(stories.count == 1)
    #expect(stories.first?.size == 2)
  }
}
