import Foundation
import GRDB
import ParallaxCore
import ParallaxTestSupport
import Testing

@testable import ParallaxStore

/// The newsboat migration without newsboat: a cache written by the test in newsboat's
/// schema, a urls file and a read list.
@Suite struct NewsboatImportTests {
  func folder() throws -> String {
    let dir = (TestSupport.temporaryStorePath() as NSString).deletingLastPathComponent + "/nb-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let cache = try DatabaseQueue(path: dir + "/cache.db")
    try cache.write { db in
      try db.execute(
        sql: """
          CREATE TABLE rss_feed (rssurl VARCHAR(1024) PRIMARY KEY NOT NULL, url VARCHAR(1024) NOT NULL,
            title VARCHAR(1024) NOT NULL, lastmodified INTEGER(11) NOT NULL DEFAULT 0, is_rtl INTEGER(1) NOT NULL DEFAULT 0,
            etag VARCHAR(128) NOT NULL DEFAULT "");
          CREATE TABLE rss_item (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, guid VARCHAR(64) NOT NULL,
            title VARCHAR(1024) NOT NULL, author VARCHAR(1024) NOT NULL, url VARCHAR(1024) NOT NULL,
            feedurl VARCHAR(1024) NOT NULL, pubDate INTEGER NOT NULL, content VARCHAR(65535) NOT NULL,
            unread INTEGER(1) NOT NULL, enclosure_url VARCHAR(1024), enclosure_type VARCHAR(1024),
            enqueued INTEGER(1) NOT NULL DEFAULT 0, flags VARCHAR(52), deleted INTEGER(1) NOT NULL DEFAULT 0,
            base VARCHAR(128) NOT NULL DEFAULT "");
          INSERT INTO rss_feed (rssurl, url, title) VALUES ('https://a.example/rss', 'https://a.example', 'Alpha Wire');
          INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, unread, flags, deleted) VALUES
            ('urn:1', 'Storm cuts power', 'Ana', 'https://a.example/1', 'https://a.example/rss', 1795000000,
             '<p>A storm cut power to 48,000 homes.</p>', 0, NULL, 0),
            ('urn:2', 'Tram approved', '', 'https://a.example/2', 'https://a.example/rss', 1795000100,
             'The council voted 31 to 14.', 1, 's', 0),
            ('urn:3', 'Bridge reopens', '', '', 'https://a.example/rss', 1795000200, 'The bridge reopened.', 1, NULL, 0),
            ('urn:4', 'Deleted item', '', 'https://a.example/4', 'https://a.example/rss', 1795000300, 'Gone.', 1, NULL, 1);
          """)
    }
    try """
    https://a.example/rss news "~Alpha Renamed"
    "query:Fresh:unread = \\"yes\\" and age < 3"
    exec:make-feed
    """.write(toFile: dir + "/urls", atomically: true, encoding: .utf8)
    try "urn:3\n".write(toFile: dir + "/read.txt", atomically: true, encoding: .utf8)
    return dir
  }

  @Test func aNewsboatFolderMovesOverWithReadStateStarsAndFilters() throws {
    let dir = try folder()
    let store = try Store(path: TestSupport.temporaryStorePath())
    var sources = try #require(NewsboatImporter.sources(at: dir))
    #expect(sources.urls == dir + "/urls" && sources.cache == dir + "/cache.db")
    sources.readList = dir + "/read.txt"
    let summary = try NewsboatImporter(store: store).run(sources)
    #expect(summary.articlesAdded == 3)
    #expect(summary.read == 2)  // urn:1 read in newsboat, urn:3 from the read list
    #expect(summary.starred == 1)
    #expect(summary.filters == ["Fresh: unread age<3"])
    #expect(summary.skipped.count == 1 && summary.skipped[0].contains(":3: exec:make-feed: exec: feeds run a command"))
    let stats = try store.stats()
    #expect((stats.articles, stats.unread, stats.starred) == (3, 1, 1))
    let feed = try #require(try store.allFeeds().first)
    #expect(feed.title == "Alpha Renamed" && feed.tagList == ["news"])
    #expect(try store.storiesWithStaleCounts() == [])
    // Again: nothing added, nothing unread again.
    let again = try NewsboatImporter(store: store).run(sources)
    #expect(again.articlesAdded == 0 && again.articlesAlreadyStored == 3)
    #expect(try store.stats().unread == 1)
  }

  @Test func aURLsFileWithBytesThatAreNotUTF8IsStillRead() throws {
    let dir = try folder()
    var bytes = Data("# caf".utf8)
    bytes.append(0xE9)  // Latin-1 é in a comment
    bytes.append(Data("\nhttps://b.example/rss t\u{00E9}st\n".utf8))
    bytes.append(contentsOf: [0xFF, 0x0A])
    try bytes.write(to: URL(fileURLWithPath: dir + "/urls"))
    let store = try Store(path: TestSupport.temporaryStorePath())
    let summary = try NewsboatImporter(store: store).run(NewsboatImporter.Sources(urls: dir + "/urls"))
    #expect(summary.feeds == 1)
    #expect(summary.skipped.count == 1 && summary.skipped[0].contains(":3: "))
    #expect(try store.allFeeds().map(\.url) == ["https://b.example/rss"])
  }

  @Test func aFileThatIsNoCacheIsSaidSo() throws {
    let dir = try folder()
    try "not a database".write(toFile: dir + "/cache.db", atomically: true, encoding: .utf8)
    let store = try Store(path: TestSupport.temporaryStorePath())
    #expect(throws: NewsboatImporter.ImportError.self) {
      try NewsboatImporter(store: store).run(NewsboatImporter.Sources(cache: dir + "/cache.db"))
    }
  }
}
