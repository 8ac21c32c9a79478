import Foundation
import GRDB
import ParallaxCore
import ParallaxTestSupport
import Testing

@testable import ParallaxStore

/// Text copies: an article stored with the very text of one stored before it shares that
/// article's signature and search entry, and is found, grouped and edited as if it had its own.
@Suite struct TextCopyTests {
  static let wire = Article(
    id: "wire", title: "Port strike halts grain exports from Odesa",
    body:
      "Dock workers in Odesa walked out on Monday, halting grain shipments.\n\nThe union said the strike would last a week.",
    url: "https://wire.example/strike")

  static func copy(_ article: Article, at link: String) -> Article {
    var copy = article
    copy.id = link
    copy.url = link
    return copy
  }

  /// Each article's `sameTextAs` by input id (nil for one with its own text).
  static func originals(_ store: Store) throws -> [String: String?] {
    try store.pool.read { db in
      var out: [String: String?] = [:]
      for row in try Row.fetchAll(
        db,
        sql: "SELECT a.inputID, o.inputID FROM article a LEFT JOIN article o ON o.id = a.sameTextAs")
      {
        out[row[0]] = row[1] as String?
      }
      return out
    }
  }

  static func indexed(_ store: Store) throws -> Int {
    try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM articleSearch_docsize") ?? -1 }
  }

  /// FTS5's own check of the index, and its count of documents (the first varint of its
  /// averages record, which bm25 reads) against the documents it holds: removing text that
  /// was never indexed passes the first and breaks the second.
  static func checkIndex(_ store: Store) throws {
    try store.pool.write { db in
      try db.execute(sql: "INSERT INTO articleSearch(articleSearch, rank) VALUES ('integrity-check', 0)")
      let averages = try Data.fetchOne(db, sql: "SELECT block FROM articleSearch_data WHERE id = 1") ?? Data()
      var total: UInt64 = 0
      for (i, byte) in averages.prefix(9).enumerated() {
        total = (total << 7) | UInt64(byte & 0x7F)
        if byte & 0x80 == 0 || i == 8 { break }
      }
      #expect(total == UInt64(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM articleSearch_docsize") ?? -1))
    }
  }

  @Test func aTextCopyIsNeitherSignedNorIndexedAgainButFoundAndGrouped() throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    try store.add([Self.wire])
    // One copy in a later batch, two in one batch (the second finds the first's original).
    try store.add([Self.copy(Self.wire, at: "https://a.example/1")])
    try store.add([Self.copy(Self.wire, at: "https://b.example/1"), Self.copy(Self.wire, at: "https://c.example/1")])
    let originals = try Self.originals(store)
    #expect(originals["wire"] == .some(nil))
    for link in ["https://a.example/1", "https://b.example/1", "https://c.example/1"] {
      #expect(originals[link] == .some("wire"), "\(link)")
    }
    #expect(try Self.indexed(store) == 1)
    try Self.checkIndex(store)

    // The copies carry the signature their text gives.
    let blobs = try store.pool.read { db in try Data.fetchAll(db, sql: "SELECT data FROM signature") }
    #expect(blobs.count == 4)
    #expect(Set(blobs) == [HashedSignature(article: Self.wire).encoded])
    #expect(try store.allArticles().allSatisfy { $0.language == "en" })

    // Search, the typed filter and the interface's find all reach the copies.
    #expect(try Set(store.search("Odesa").map(\.inputID)).count == 4)
    let stories = try store.storyPage(offset: 0, limit: 10)
    #expect(stories.count == 1)
    #expect(try store.storyIDs(matchingPrefix: "grain ship") == stories.map(\.id))
    #expect(try store.storyCount(view: StoryView(query: StoryQuery(parsing: "union"))) == 1)
    #expect(try store.signatures(ofNew: [Self.copy(Self.wire, at: "https://d.example/1")]).isEmpty)
  }

  /// Copies that group apart (a text of stop words only signs no terms and is no one's copy
  /// in grouping) are still each found by the filter.
  @Test func copiesInStoriesOfTheirOwnAreFoundByTheFilter() throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    let empty = Article(id: "x", title: "Of the", body: "and of the", url: "https://x.example/1")
    try store.add([empty, Self.copy(empty, at: "https://y.example/1")])
    #expect(try Self.originals(store)["https://y.example/1"] == .some("x"))
    #expect(try store.storyPage(offset: 0, limit: 10).count == 2)
    #expect(try store.storyCount(view: StoryView(query: StoryQuery(parsing: "of"))) == 2)
    #expect(try store.storyIDs(matchingPrefix: "of th").count == 2)
    #expect(try store.nextStory(matchingPrefix: "of", from: 0, forward: true, includeCurrent: false) == 1)
  }

  @Test func anotherDeclaredLanguageOrTextIsNoCopy() throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    var german = Self.copy(Self.wire, at: "https://de.example/1")
    german.language = "de"
    var edited = Self.copy(Self.wire, at: "https://e.example/1")
    edited.body += " It was the first strike this year."
    try store.add([Self.wire, german, edited])
    #expect(try Self.originals(store).values.allSatisfy { $0 == nil })
    #expect(try Self.indexed(store) == 3)
  }

  @Test func replacingAnOriginalHandsItsCopiesTheOldText() throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    let links = ["https://a.example/1", "https://b.example/1"]
    try store.add([Self.wire] + links.map { Self.copy(Self.wire, at: $0) })
    let ids = try store.allArticles().map { $0.rowID! }
    var page = Self.wire
    page.body = "Dockers in Odesa stopped work on Monday over pay; exporters rerouted ships to Izmail."
    try store.replaceText(of: ids[0], with: page)
    try Self.checkIndex(store)
    let originals = try Self.originals(store)
    #expect(originals["wire"] == .some(nil))
    #expect(originals[links[0]] == .some(nil))
    #expect(originals[links[1]] == .some(links[0]))
    #expect(try Set(store.search("union").map(\.inputID)) == Set(links))
    #expect(try store.search("Izmail").map(\.inputID) == ["wire"])

    // A copy given a text of its own is indexed under it, and its original keeps its own.
    page.body = "Grain traders said the strike had ended by Wednesday."
    try store.replaceText(of: ids[2], with: page)
    try Self.checkIndex(store)
    #expect(try Self.originals(store).values.allSatisfy { $0 == nil })
    #expect(try store.search("Wednesday").map(\.inputID) == [links[1]])
    #expect(try store.search("union").map(\.inputID) == [links[0]])
    #expect(try Self.indexed(store) == 3)
  }
}
