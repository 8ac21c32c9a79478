import Foundation
import GRDB
import ParallaxCore

/// Articles in and out: storing a batch with its signatures, listing in order.
extension Store {
  /// What an import did.
  public struct ImportResult: Sendable, Equatable {
    public var added = 0
    public var alreadyStored = 0
    /// Row ids of every article of the batch, new or already stored, in input order.
    public var rowIDs: [Int64] = []

    public init(added: Int = 0, alreadyStored: Int = 0) {
      self.added = added
      self.alreadyStored = alreadyStored
    }
  }

  /// Stores `articles` (those already stored, by link or id, are left as they are and only
  /// gain the feed) with their grouping signatures, in one transaction, then groups the new
  /// ones unless `regroup` is false (callers adding several batches group once at the end).
  /// `signed` gives signatures computed beforehand (``signatures(ofNew:)``, on another
  /// thread while the previous batch was stored); articles it lacks are signed here.
  @discardableResult
  public func add(
    _ articles: [Article], feed feedURL: String? = nil, now: Date = Date(), regroup: Bool = true,
    signed: [String: PreparedSignature]? = nil
  ) throws -> ImportResult {
    var result = ImportResult()
    let signatures = try signed ?? self.signatures(ofNew: articles)
    let fetchedAt = PublicationTime.string(from: now)
    try writing { db in
      let findKey = try db.cachedStatement(sql: "SELECT id FROM article WHERE key = ?")
      // The search index is written here, not by a trigger: FTS5 flushes its pending terms at
      // every trigger's savepoint, which made indexing three times slower (decisions.md).
      let indexText = try db.cachedStatement(sql: "INSERT INTO articleSearch (rowid, title, body) VALUES (?, ?, ?)")
      // The row's columns bound directly: the record's Codable encoding and its statement
      // lookup cost more than the insert itself on a large import (decisions.md).
      let insertArticle = try db.cachedStatement(
        sql: """
          INSERT INTO article (key, inputID, title, body, source, published, url, attributions, metadata, details,
            fetchedAt, isRead, isStarred, story, language, viaFeed, textHash, sameTextAs)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """)
      let insertSignature = try db.cachedStatement(
        sql: "INSERT INTO signature (articleID, data, digest) VALUES (?, ?, ?)")
      let shareSignature = try db.cachedStatement(
        sql: "INSERT INTO signature (articleID, data, digest) SELECT ?, data, digest FROM signature WHERE articleID = ?"
      )
      let findText = try Self.textOriginalStatement(db)
      let linkFeed = try db.cachedStatement(sql: "INSERT OR IGNORE INTO articleFeed (articleID, feedID) VALUES (?, ?)")
      let markViaFeed = try db.cachedStatement(sql: "UPDATE article SET viaFeed = 1 WHERE id = ? AND viaFeed = 0")
      let linkStoryFeed = try db.cachedStatement(
        sql:
          """
          INSERT OR IGNORE INTO storyFeed (storyID, feedID, unread)
            SELECT article.story, ?, story.unread > 0 FROM article JOIN story ON story.id = article.story
            WHERE article.id = ?
          """
      )
      var feedID: Int64?
      if let feedURL {
        if let existing = try Feed.filter(Column("url") == feedURL).fetchOne(db) {
          feedID = existing.rowID
        } else {
          var feed = Feed(url: feedURL)
          try feed.insert(db)
          feedID = feed.rowID
        }
      }
      for article in articles {
        var row = StoredArticle(article, fetchedAt: fetchedAt)
        let id: Int64
        let existed: Bool
        if let existing = try Int64.fetchOne(findKey, arguments: [row.key]) {
          id = existing
          existed = true
          result.alreadyStored += 1
        } else {
          // The very text of an article stored before (in this batch too): a text copy,
          // neither signed nor indexed again (its original's language was read from it).
          let textHash = GroupingEngine.textHash(article)
          let original = try Self.textOriginal(findText, hash: textHash, of: article)
          let prepared =
            original == nil ? signatures[row.key] ?? PreparedSignature(HashedSignature(article: article)) : nil
          row.language = row.language ?? original?.language ?? prepared?.language.rawValue
          try insertArticle.execute(arguments: [
            row.key, row.inputID, row.title, row.body, row.source, row.published, row.url, row.attributions,
            row.metadata, row.details, row.fetchedAt, row.isRead, row.isStarred, row.story, row.language,
            feedID != nil, Int64(bitPattern: textHash), original?.id,
          ])
          id = db.lastInsertedRowID
          existed = false
          result.added += 1
          if let original {
            try shareSignature.execute(arguments: [id, original.id])
            // An original without its signature row (never written so): signed after all.
            if db.changesCount == 0 {
              let signature = HashedSignature(article: article)
              try insertSignature.execute(arguments: [id, signature.encoded, Int64(bitPattern: signature.digest)])
            }
          } else if let prepared {
            try indexText.execute(arguments: [id, row.title, row.body])
            try insertSignature.execute(arguments: [id, prepared.blob, Int64(bitPattern: prepared.digest)])
          }
        }
        result.rowIDs.append(id)
        if let feedID {
          try linkFeed.execute(arguments: [id, feedID])
          let linked = db.changesCount > 0
          // A new article is stored as carried by a feed; a stored one may become so.
          if existed { try markViaFeed.execute(arguments: [id]) }
          // A stored article newly carried by this feed: its story is the feed's too (new
          // articles join stories when they are grouped).
          if existed && linked { try linkStoryFeed.execute(arguments: [feedID, id]) }
        }
      }
    }
    if result.added > 0 && regroup { try groupPending() }
    return result
  }

  /// Articles newest first, a page at a time.
  public func list(limit: Int = 50, offset: Int = 0) throws -> [StoredArticle] {
    try reading { db in
      try StoredArticle.order(Column("published").desc, Column("id").desc).limit(limit, offset: offset).fetchAll(db)
    }
  }

  /// Calls `body` with every stored article in insertion order, reading one row at a time.
  public func forEachArticle(_ body: (StoredArticle) throws -> Void) throws {
    try reading { db in
      let cursor = try StoredArticle.order(Column("id")).fetchCursor(db)
      while let row = try cursor.next() { try body(row) }
    }
  }

  /// Every stored article, in insertion order.
  public func allArticles() throws -> [StoredArticle] {
    try reading { db in try StoredArticle.order(Column("id")).fetchAll(db) }
  }

  /// The grouping signatures of those of `articles` not stored yet (by key), with their
  /// blobs and digests, computed on all cores. Articles with the very text of a stored one
  /// are left out: storing them shares its signature.
  public func signatures(ofNew articles: [Article]) throws -> [String: PreparedSignature] {
    let stored = try storedKeys(articles)
    let unstored = articles.filter { !stored.contains(StoredArticle.key(of: $0)) }
    let copies = try reading { db in
      let findText = try Self.textOriginalStatement(db)
      return try Set(
        unstored.indices.filter {
          try Self.textOriginal(findText, hash: GroupingEngine.textHash(unstored[$0]), of: unstored[$0]) != nil
        })
    }
    let toSign = unstored.indices.filter { !copies.contains($0) }.map { unstored[$0] }
    let leadTokens = GroupingParameters.default.leadTokens
    let prepared = StoryGrouper.preparedSignatures(of: toSign, leadTokens: leadTokens)
    var signatures = [String: PreparedSignature](minimumCapacity: toSign.count)
    for (article, signature) in zip(toSign, prepared) { signatures[StoredArticle.key(of: article)] = signature }
    return signatures
  }

  /// Which of `articles` are already stored (by link, else input id), as their keys.
  public func storedKeys(_ articles: [Article]) throws -> Set<String> {
    let keys = articles.map { StoredArticle.key(of: $0) }
    return try reading { db in
      let find = try db.cachedStatement(sql: "SELECT 1 FROM article WHERE key = ?")
      var found = Set<String>()
      for key in keys where try Int.fetchOne(find, arguments: [key]) != nil { found.insert(key) }
      return found
    }
  }

  /// Finds stored articles that are no one's text copy by text hash, oldest first.
  static func textOriginalStatement(_ db: Database) throws -> Statement {
    try db.cachedStatement(
      sql: "SELECT id, title, body, language FROM article WHERE textHash = ? AND sameTextAs IS NULL ORDER BY id")
  }

  /// The stored article whose text `article` repeats word for word (the hash of title, body and
  /// declared language, then title and body compared), with its language, if there is one.
  static func textOriginal(_ find: Statement, hash: UInt64, of article: Article) throws -> (
    id: Int64, language: String?
  )? {
    let rows = try Row.fetchCursor(find, arguments: [Int64(bitPattern: hash)])
    while let row = try rows.next() {
      if row[1] as String == article.title && row[2] as String == article.body { return (row[0], row[3]) }
    }
    return nil
  }
}
