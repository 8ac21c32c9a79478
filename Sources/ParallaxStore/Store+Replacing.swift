import Foundation
import GRDB
import ParallaxCore

extension Store {
  /// Replaces a stored article's text and what comes with it (title, attributions, authors,
  /// date, summary) by `article`'s, as when its full page is fetched, and signs it again
  /// from the new text. Its identity, feeds, read state and story stay: the page is the
  /// same article, so it stays in its story; the candidate index (term frequencies and
  /// posting lists) moves to the new text (``GroupingEngine/reindex(_:old:new:in:)``), so new
  /// articles are found through it and scored against it, and `parallax regroup` regroups
  /// everything from the full text. (An identical copy stays its original's copy, outside the
  /// index; later copies of the old text find no original in it.)
  /// - Returns: false when the article is no longer stored.
  @discardableResult
  public func replaceText(of rowID: Int64, with article: Article) throws -> Bool {
    let signature = HashedSignature(article: article)
    let row = StoredArticle(article, fetchedAt: "")
    let textHash = Int64(bitPattern: GroupingEngine.textHash(article))
    return try writing { db in
      try Self.handOverTextCopies(of: rowID, db)
      // The new text is the article's own (a copy's included), indexed by the update's trigger.
      try db.execute(
        sql: """
          UPDATE article SET title = ?, body = ?, published = COALESCE(?, published), attributions = ?,
            details = ?, textHash = ?, sameTextAs = NULL WHERE id = ?
          """,
        arguments: [row.title, row.body, row.published, row.attributions, row.details, textHash, rowID])
      guard db.changesCount > 0 else { return false }
      let old = try Data.fetchOne(db, sql: "SELECT data FROM signature WHERE articleID = ?", arguments: [rowID])
        .flatMap(HashedSignature.init)
      try db.execute(
        sql: "UPDATE signature SET data = ?, digest = ? WHERE articleID = ?",
        arguments: [signature.encoded, Int64(bitPattern: signature.digest), rowID])
      // A grouped original is in the candidate index under its old text; a pending article
      // is indexed by the next pass, a copy never is.
      let indexed =
        try Bool.fetchOne(
          db, sql: "SELECT story IS NOT NULL AND copyOf IS NULL FROM article WHERE id = ?", arguments: [rowID]) ?? false
      if indexed {
        var storage = try SQLGroupingStorage(db)
        try GroupingEngine(parameters: .default).reindex(
          rowID, old: old ?? HashedSignature(ArticleSignature(text: "")), new: signature, in: &storage)
      }
      return true
    }
  }

  /// Before article `rowID`'s text changes: its text copies keep the old text, so the oldest
  /// of them becomes their original (indexed for search) and the others its copies.
  static func handOverTextCopies(of rowID: Int64, _ db: Database) throws {
    guard
      let heir = try Int64.fetchOne(
        db, sql: "SELECT id FROM article WHERE sameTextAs = ? ORDER BY id LIMIT 1", arguments: [rowID])
    else { return }
    try db.execute(sql: "UPDATE article SET sameTextAs = NULL WHERE id = ?", arguments: [heir])
    try db.execute(
      sql: "INSERT INTO articleSearch (rowid, title, body) SELECT id, title, body FROM article WHERE id = ?",
      arguments: [heir])
    try db.execute(sql: "UPDATE article SET sameTextAs = ? WHERE sameTextAs = ?", arguments: [heir, rowID])
  }
}
