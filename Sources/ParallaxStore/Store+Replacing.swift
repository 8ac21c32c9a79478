import Foundation
import GRDB
import ParallaxCore

extension Store {
  /// Replaces a stored article's text and what comes with it (title, attributions, authors,
  /// date, summary) by `article`'s, as when its full page is fetched, and signs it again
  /// from the new text. Its identity, feeds, read state and story stay: the page is the
  /// same article, so it stays in its story; new articles are scored against its new
  /// signature, and `parallax regroup` regroups everything from the full text. (An identical
  /// copy stays its original's copy; later copies of the old text find no original in it.)
  /// - Returns: false when the article is no longer stored.
  @discardableResult
  public func replaceText(of rowID: Int64, with article: Article) throws -> Bool {
    let leadTokens = GroupingParameters.default.leadTokens
    let signature = HashedSignature(ArticleSignature(article: article, leadTokens: leadTokens))
    let row = StoredArticle(article, fetchedAt: "")
    return try writing { db in
      try db.execute(
        sql: """
          UPDATE article SET title = ?, body = ?, published = COALESCE(?, published), attributions = ?,
            details = ? WHERE id = ?
          """,
        arguments: [row.title, row.body, row.published, row.attributions, row.details, rowID])
      guard db.changesCount > 0 else { return false }
      try db.execute(
        sql: "UPDATE signature SET data = ?, digest = ? WHERE articleID = ?",
        arguments: [signature.encoded, Int64(bitPattern: signature.digest), rowID])
      return true
    }
  }
}
