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
      SELECT copy.id, hit.rank FROM hit JOIN article copy ON copy.sameTextAs = hit.id)

    """

  /// The stories of every article the FTS5 query matches, its text copies too (the index
  /// searched once): a subquery for `story.id IN (…)`, with the query as its one parameter (a
  /// story can come more than once).
  static let storiesMatching = """
    WITH hit(id) AS MATERIALIZED (SELECT rowid FROM articleSearch WHERE articleSearch MATCH ?)
    SELECT article.story FROM hit JOIN article ON article.id = hit.id
    UNION ALL
    SELECT copy.story FROM hit JOIN article copy ON copy.sameTextAs = hit.id
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
