/// Signing a batch: once per distinct text.
extension GroupingEngine {
  /// `sign` of each article, on all cores, computed once per distinct text (title, body and
  /// declared language: everything ``ArticleSignature/init(article:leadTokens:)`` reads);
  /// articles with the same text share the result. A sync of many feeds can carry one wire
  /// story many times in one batch. (Copies in different batches are signed again: the
  /// 100-feed benchmark's copies fall in different batches and gain nothing.)
  static func signedOncePerText<T: Sendable>(_ articles: [Article], _ sign: @Sendable (Article) -> T) -> [T] {
    let hashes = concurrentMap(articles.count) { textHash(articles[$0]) }
    // Each distinct text's first article; a hash names a list, in case two texts share one.
    var firstOfHash = [UInt64: [Int]](minimumCapacity: articles.count)
    var distinct: [Int] = []
    var signedAs = [Int](repeating: 0, count: articles.count)
    for i in articles.indices {
      let candidates = firstOfHash[hashes[i]] ?? []
      if let same = candidates.first(where: { sameText(articles[distinct[$0]], articles[i]) }) {
        signedAs[i] = same
      } else {
        firstOfHash[hashes[i], default: []].append(distinct.count)
        signedAs[i] = distinct.count
        distinct.append(i)
      }
    }
    let firsts = distinct
    let signed = concurrentMap(firsts.count) { sign(articles[firsts[$0]]) }
    return signedAs.map { signed[$0] }
  }

  /// FNV-1a of what a signature reads, fields kept apart by bytes UTF-8 never holds.
  public static func textHash(_ article: Article) -> UInt64 {
    var hash = StoryID.fnv1a(article.title)
    hash = StoryID.fnv1a(article.body, continuing: StoryID.fnv1a(byte: 0xFF, continuing: hash))
    hash = StoryID.fnv1a(byte: 0xFE, continuing: hash)
    if let language = article.language { hash = StoryID.fnv1a(language, continuing: hash) }
    return hash
  }

  /// Whether two articles give the same signature: the same title, body and declared language.
  static func sameText(_ a: Article, _ b: Article) -> Bool {
    a.title == b.title && a.body == b.body && a.language == b.language
  }
}
