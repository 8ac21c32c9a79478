import Foundation
import GRDB
import ParallaxCore
import ParallaxTestSupport
import Testing

@testable import ParallaxStore

/// Settling arrivals (``Store/settleArrivals(_:_:)``): what it finds, and that it finds it by
/// the arrivals' ids, not by walking the store.
@Suite struct ArrivalSettlingTests {
  static let seeds = ArticleLoader().load([TestSupport.seeds.path]).articles

  /// A version arriving in a story with a read version is settled; arrivals in stories
  /// read nowhere are not looked at.
  @Test func onlyArrivalsInStoriesWithAReadVersionAreFound() throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    try store.add(Self.seeds)
    let rows = try store.pool.read { db in
      try Row.fetchAll(db, sql: "SELECT id, story FROM article ORDER BY id")
    }
    let ids: [Int64] = rows.map { $0[0] }
    let storyOf = Dictionary(uniqueKeysWithValues: rows.map { ($0[0] as Int64, $0[1] as String) })
    // The story with two versions: read one, and ask about both and every other article.
    let stories = Dictionary(grouping: ids) { storyOf[$0]! }
    let pair = try #require(stories.values.first { $0.count == 2 })
    try store.pool.write { db in
      try db.execute(sql: "UPDATE article SET isRead = 1 WHERE id = ?", arguments: [pair[0]])
    }
    let found = try store.pool.read { db in
      try Int64.fetchAll(
        db, sql: Store.arrivalsWithReadVersions(ids.count), arguments: StatementArguments(ids))
    }
    #expect(found == [pair[1]])
  }

  /// The arrivals are read by their ids: SQLite's plan searches the table by its key, not an
  /// index over every unread article (which cost 1.4 s of a 100,000-article import).
  @Test func arrivalsAreSearchedByTheirIDs() throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    try store.add(Self.seeds)
    let plan = try store.pool.read { db in
      try Row.fetchAll(
        db, sql: "EXPLAIN QUERY PLAN " + Store.arrivalsWithReadVersions(3), arguments: [1, 2, 3]
      ).map { $0["detail"] as String }
    }
    let outer = try #require(plan.first)
    #expect(outer.contains("INTEGER PRIMARY KEY"), "\(plan)")
  }
}
