import Foundation
import GRDB
import ParallaxCore
import ParallaxTestSupport
import Testing

@testable import ParallaxStore

/// Damaged rows are read for what they hold and said, never silently emptied (review defect
/// 5 of issue 24).
@Suite struct DamagedRowTests {
  static let seeds = ArticleLoader().load([TestSupport.seeds.path]).articles

  @Test func aDamagedJSONColumnKeepsItsTextAndIsNamed() throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    var article = Article(id: "a", title: "Talks", body: "Delegations met.", attributions: ["By Ana"])
    article.summary = "A summary."
    try store.add([article])
    try store.pool.write { db in
      try db.execute(sql: "UPDATE article SET attributions = '[\"By An', metadata = 'oops', details = '{\"summary\":'")
    }
    let row = try #require(try store.allArticles().first)
    #expect(row.damagedColumns == ["attributions", "metadata", "details"])
    let read = row.article
    #expect(read.attributions == ["[\"By An"])
    #expect(read.metadata["damaged metadata"] == "oops")
    #expect(read.metadata["damaged details"] == "{\"summary\":")
    // A sound row names nothing.
    try store.add([Article(id: "b", title: "Other", body: "Text.")])
    #expect(try store.allArticles().first { $0.inputID == "b" }?.damagedColumns == [])
  }

  /// A signature blob that cannot be read is signed again from the article's text when a
  /// pass meets it, and counted: the article is grouped on its text, not left alone.
  @Test func aDamagedSignatureIsSignedAgainFromTheText() throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    let seeds = Self.seeds
    let rewrite = try #require(seeds.first { $0.id.hasPrefix("004") })
    try store.add(seeds.filter { $0.id != rewrite.id })
    try store.pool.write { db in
      try db.execute(
        sql: """
          UPDATE signature SET data = x'0102' WHERE articleID =
            (SELECT id FROM article WHERE inputID LIKE '003%')
          """)
    }
    let report = try store.regroupAll()
    #expect(report.repairedSignatures == 1)
    try store.add([rewrite])
    let stories = try store.storyPage(offset: 0, limit: 10)
    #expect(stories.count == 4)
    #expect(stories.contains { $0.size == 2 }, "003 and its rewrite 004 are one story")
    // Repaired on disk: the next pass reads it.
    let blob = try store.pool.read { db in
      try Data.fetchOne(
        db, sql: "SELECT data FROM signature WHERE articleID = (SELECT id FROM article WHERE inputID LIKE '003%')")
    }
    #expect(HashedSignature(try #require(blob)) != nil)
  }
}
