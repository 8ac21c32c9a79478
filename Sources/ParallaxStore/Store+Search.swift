import GRDB

/// Full-text search over the store's index (`articleSearch`, FTS5). An article's text copies
/// (`sameTextAs`) are not in the index: every search reaches them through their original, so
/// they are found as if each were indexed.
extension Store {
  /// A `WITH` clause naming `matched(id, rank)`: every article the FTS5 query bound to its one
  /// parameter matches, its text copies too, each with its original's rank (bm25, lower is
  /// better). The index is searched once (the hits are materialised).
  static let matchedArticles = """
    WITH hit(id, rank) AS MATERIALIZED (
      SELECT rowid, bm25(articleSearch) FROM articleSearch WHERE articleSearch MATCH ?),
    matched(id, rank) AS (
      SELECT id, rank FROM hit
      UNION ALL
      SELECT copy.id, hit.rank FROM hit JOIN article original ON original.id = hit.id
        JOIN article copy ON copy.textHash = original.textHash AND copy.sameTextAs = original.id)

    """

  /// The stories of every article the FTS5 query matches, its text copies too (the query is
  /// bound to both parameters): a subquery for `story.id IN (…)`.
  static let storiesMatching = """
    SELECT article.story FROM articleSearch JOIN article ON article.id = articleSearch.rowid
      WHERE articleSearch MATCH ?
    UNION
    SELECT copy.story FROM articleSearch JOIN article original ON original.id = articleSearch.rowid
      JOIN article copy ON copy.textHash = original.textHash AND copy.sameTextAs = original.id
      WHERE articleSearch MATCH ?
    """

  /// Full-text search (FTS5 syntax) over titles and text, best match first. A query the
  /// index cannot read throws ``SearchQueryError``; an empty one matches nothing.
  public func search(_ query: String, limit: Int = 50) throws -> [StoredArticle] {
    guard !query.allSatisfy(\.isWhitespace) else {
      throw SearchQueryError(query: query, explanation: "the query is empty; give words to search for")
    }
    do {
      return try reading { db in
        try StoredArticle.fetchAll(
          db,
          sql: Self.matchedArticles + """
            SELECT article.* FROM matched JOIN article ON article.id = matched.id
            ORDER BY matched.rank, article.id LIMIT ?
            """, arguments: [query, limit])
      }
    } catch let error as DatabaseError {
      throw SearchQueryError(query: query, sqliteMessage: error.message ?? "\(error.resultCode)")
    }
  }
}
