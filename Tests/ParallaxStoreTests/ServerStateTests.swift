import Foundation
import ParallaxCore
import ParallaxTestSupport
import Testing

@testable import ParallaxStore

/// The store's side of a reader server: every way of reading or starring here queues the
/// change for the server, the server's changes are taken, and a change made here and not
/// sent yet wins a conflict (the documented rule).
@Suite struct ServerStateTests {
  /// The seeds stored and linked to server items `s0`…`s4`, all unread and unstarred there.
  static func linked() throws -> (Store, [Int64]) {
    let store = try Store(path: TestSupport.temporaryStorePath())
    let articles = ArticleLoader().load([TestSupport.seeds.path]).articles
    let result = try store.add(articles)
    try store.adoptServer("fever http://server/ me")
    try store.linkServerItems(
      result.rowIDs.enumerated().map { Store.ServerLink(itemID: "s\($0)", articleID: $1, read: false, starred: false) },
      cursor: "5")
    return (store, result.rowIDs)
  }

  @Test func readingAStoryQueuesEveryVersionOfIt() throws {
    let (store, rows) = try Self.linked()
    // Seeds 003 and 004 are one report: reading one reads both, and both are queued.
    try store.markStoryRead(containing: rows[3])
    let waiting = try store.pendingServerChanges()
    #expect(waiting.map(\.itemID).sorted() == ["s3", "s4"])
    #expect(waiting.allSatisfy { $0.field == "read" && $0.value })
    // Marked unread again before any sync: nothing is left to send for it.
    let story = try store.storyID(ofArticle: rows[3])
    try store.setStoryRead(try #require(story), false)
    #expect(try store.pendingServerChanges().isEmpty)
  }

  @Test func starsAndMarkAllAreQueuedToo() throws {
    let (store, rows) = try Self.linked()
    try store.setStarred(rows[0], true)
    _ = try store.markAllRead(view: StoryView())
    let waiting = try store.pendingServerChanges()
    #expect(waiting.filter { $0.field == "starred" }.map(\.itemID) == ["s0"])
    #expect(waiting.filter { $0.field == "read" }.count == 5)
  }

  @Test func theServersChangesAreTakenAndAChangeMadeHereWinsAConflict() throws {
    let (store, rows) = try Self.linked()
    // Here: s0 read (not sent yet). There: s0 and s1 read, s2 starred.
    try store.setRead(rows[0], true)
    let taken = try store.takeServerState(unread: ["s2", "s3", "s4"], starred: ["s2"])
    #expect(taken.read == 1)
    #expect(taken.starred == 1)
    #expect(taken.keptHere == 0)
    let articles = try store.allArticles()
    #expect(articles.filter(\.isRead).map(\.rowID) == [rows[0], rows[1]])
    #expect(articles.filter(\.isStarred).map(\.rowID) == [rows[2]])
    // Taking the server's state queues nothing back, and s0, read on both sides, has
    // nothing left to send.
    #expect(try store.pendingServerChanges().isEmpty)
    // Here s3 is read; on the server it was read and made unread again since the last sync
    // (its state there is as last seen): the change made here is the newest known, it stays
    // and waits to be sent.
    try store.setRead(rows[3], true)
    let again = try store.takeServerState(unread: ["s2", "s3", "s4"], starred: ["s2"])
    #expect(again.changed == 0)
    #expect(try store.allArticles().first { $0.rowID == rows[3] }?.isRead == true)
    #expect(try store.pendingServerChanges().map(\.itemID) == ["s3"])
  }

  @Test func aSentChangeLeavesTheQueueUnlessChangedAgain() throws {
    let (store, rows) = try Self.linked()
    try store.setRead(rows[0], true)
    try store.setRead(rows[1], true)
    let waiting = try store.pendingServerChanges()
    try store.setRead(rows[1], false)  // changed again before the send ended
    try store.serverChangesSent(waiting)
    let left = try store.pendingServerChanges()
    #expect(left.map(\.itemID) == ["s1"])
    #expect(left.first?.value == false)
  }

  @Test func anotherServerForgetsTheLinksButKeepsTheArticles() throws {
    let (store, rows) = try Self.linked()
    try store.setRead(rows[0], true)
    #expect(try store.adoptServer("fever http://server/ me") == 0)
    #expect(try store.adoptServer("ttrss http://other/ me") == 5)
    #expect(try store.serverCounts() == (0, 0))
    #expect(try store.serverInfo("cursor") == nil)
    #expect(try store.stats().articles == 5)
    #expect(try store.allArticles().first?.isRead == true)
  }

  @Test func aFirstLinkKeepsWhatEitherSideHas() throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    let articles = ArticleLoader().load([TestSupport.seeds.path]).articles
    let rows = try store.add(articles).rowIDs
    try store.setRead(rows[0], true)  // read here before any server (a newsboat import)
    try store.setStarred(rows[1], true)
    try store.adoptServer("fever http://server/ me")
    try store.linkServerItems(
      [
        .init(itemID: "a", articleID: rows[0], read: false, starred: false),
        .init(itemID: "b", articleID: rows[1], read: false, starred: false),
        .init(itemID: "c", articleID: rows[2], read: true, starred: true),
      ], cursor: nil)
    let waiting = try store.pendingServerChanges()
    #expect(waiting.map { "\($0.itemID) \($0.field)" }.sorted() == ["a read", "b starred"])
    let c = try #require(try store.allArticles().first { $0.rowID == rows[2] })
    #expect(c.isRead && c.isStarred)
    #expect(try store.storiesWithStaleCounts().isEmpty)
  }

  /// A server that keeps an entry per feed for one link has two items for one article:
  /// reading it here reads both; reading one on the server reads the other too.
  @Test func twoItemsOfOneArticleMoveTogether() throws {
    let (store, rows) = try Self.linked()
    try store.linkServerItems([.init(itemID: "t0", articleID: rows[0], read: false, starred: false)], cursor: nil)
    try store.setRead(rows[0], true)
    let waiting = try store.pendingServerChanges()
    #expect(waiting.map(\.itemID).sorted() == ["s0", "t0"])
    try store.serverChangesSent(waiting)
    #expect(try store.pendingServerChanges().isEmpty)
    // On the server: t1, a second item of article 1, is read; s1 is not.
    try store.linkServerItems([.init(itemID: "t1", articleID: rows[1], read: false, starred: false)], cursor: nil)
    let taken = try store.takeServerState(unread: ["s1", "s2", "s3", "s4"], starred: [])
    #expect(taken.read == 1)
    #expect(try store.allArticles().first { $0.rowID == rows[1] }?.isRead == true)
    #expect(try store.pendingServerChanges().map { "\($0.itemID) \($0.field)" } == ["s1 read"])
  }
}
