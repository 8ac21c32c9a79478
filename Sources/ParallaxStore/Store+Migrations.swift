import Foundation
import GRDB
import ParallaxCore

/// The store's formats: one migration per format, in order (``Store/formatVersion`` is
/// their count), and the re-signing a format change needs.
extension Store {
  static let migrator: DatabaseMigrator = makeMigrator()

  static func makeMigrator() -> DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.create(table: "article") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("key", .text).notNull().unique()
        t.column("inputID", .text).notNull()
        t.column("title", .text).notNull()
        t.column("body", .text).notNull()
        t.column("source", .text)
        t.column("published", .text).indexed()
        t.column("url", .text)
        t.column("attributions", .text).notNull()
        t.column("metadata", .text).notNull()
        t.column("fetchedAt", .text).notNull()
        t.column("isRead", .boolean).notNull().defaults(to: false)
        t.column("isStarred", .boolean).notNull().defaults(to: false)
        t.column("story", .text).indexed()
      }
      try db.create(table: "feed") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("url", .text).notNull().unique()
        t.column("title", .text)
        t.column("etag", .text)
        t.column("lastModified", .text)
        t.column("lastFetched", .text)
        t.column("lastError", .text)
      }
      try db.create(table: "articleFeed") { t in
        t.column("articleID", .integer).notNull().references("article", onDelete: .cascade)
        t.column("feedID", .integer).notNull().references("feed", onDelete: .cascade)
        t.primaryKey(["articleID", "feedID"])
      }
      try db.create(virtualTable: "articleSearch", using: FTS5()) { t in
        t.synchronize(withTable: "article")
        t.tokenizer = .unicode61()
        t.column("title")
        t.column("body")
      }
    }
    migrator.registerMigration("v2-incremental-grouping") { db in
      try db.create(table: "signature") { t in
        t.primaryKey("articleID", .integer).references("article", onDelete: .cascade)
        t.column("data", .blob).notNull()
      }
      try db.create(table: "termStat") { t in
        t.primaryKey("hash", .integer)
        t.column("df", .integer).notNull()
        t.column("postings", .blob)
      }
      try db.create(table: "edge", options: .withoutRowID) { t in
        t.column("a", .integer).notNull()
        t.column("b", .integer).notNull().indexed()
        t.column("score", .double).notNull()
        t.column("conflict", .boolean).notNull()
        t.primaryKey(["a", "b"])
      }
      try db.create(table: "story") { t in
        t.primaryKey("id", .text)
        t.column("title", .text).notNull()
        t.column("size", .integer).notNull()
        t.column("latest", .text)
        t.column("sources", .text).notNull()
      }
      try db.create(index: "story_order", on: "story", expressions: [SQL("latest DESC"), Column("id")])
      // Articles stored by v1 get their signatures now and are grouped by the next import.
      // Read by column, not as a `StoredArticle`: the row type has columns v1 did not (its
      // `details` came with v6), so decoding it here failed on a first-release store.
      for row in try Row.fetchAll(db, sql: "SELECT id, inputID, title, body, source, published, url FROM article") {
        let article = Article(
          id: row["inputID"], title: row["title"], body: row["body"], source: row["source"],
          published: row["published"], url: row["url"])
        let signature = HashedSignature(article: article)
        try db.execute(
          sql: "INSERT INTO signature (articleID, data) VALUES (?, ?)",
          arguments: [row["id"] as Int64, signature.encoded])
      }
      try db.execute(sql: "UPDATE article SET story = NULL")
    }
    migrator.registerMigration("v3-search-index-on-text-only") { db in
      // GRDB's synchronising trigger re-indexes an article's text on any update; story ids and
      // read state change often, so only title and body changes re-index now.
      try db.execute(
        sql: """
          DROP TRIGGER IF EXISTS "__articleSearch_au";
          CREATE TRIGGER "__articleSearch_au" AFTER UPDATE OF "title", "body" ON "article" BEGIN
            INSERT INTO "articleSearch"("articleSearch", "rowid", "title", "body")
              VALUES('delete', old."id", old."title", old."body");
            INSERT INTO "articleSearch"("rowid", "title", "body") VALUES (new."id", new."title", new."body");
          END;
          """)
    }
    migrator.registerMigration("v4-format-and-writer") { db in
      // Which Parallax last wrote the store, so that an older one can name it when it refuses
      // a newer format. The format number itself is PRAGMA user_version.
      try db.create(table: "parallaxInfo") { t in
        t.primaryKey("key", .text)
        t.column("value", .text).notNull()
      }
    }
    migrator.registerMigration("v5-weekday-signatures") { _ in
      // Signatures gained the days of the week an article's lead names (evidence of when it
      // happened). Stored articles were signed again here; v12 signs every article again
      // from its text, so an older store is signed once, there. Stories stay as they are
      // until `parallax regroup`.
    }
    migrator.registerMigration("v6-feed-details") { db in
      // Feeds' authors, categories, enclosures, summaries and update times, as JSON.
      try db.alter(table: "article") { t in t.add(column: "details", .text).notNull().defaults(to: "{}") }
      // Identity now reads http as https and the host in any case (Article.canonicalLink):
      // stored keys are brought to that form; where two stored articles would share one
      // key (both forms stored before), the second keeps its old key.
      let rows = try Row.fetchAll(db, sql: "SELECT id, key FROM article WHERE key NOT LIKE 'id:%'")
      let update = try db.makeStatement(sql: "UPDATE OR IGNORE article SET key = ? WHERE id = ?")
      for row in rows {
        let key: String = row["key"]
        let canonical = Article.canonicalLink(key)
        if canonical != key { try update.execute(arguments: [canonical, row["id"] as Int64]) }
      }
    }
    migrator.registerMigration("v7-story-read-state") { db in
      // Facts a version added over the read versions of its story when it arrived; indexes
      // for unread and starred views and counts.
      try db.alter(table: "article") { t in t.add(column: "newFacts", .integer) }
      try db.create(index: "article_story_read", on: "article", columns: ["story", "isRead"])
      try db.create(index: "article_read_story", on: "article", columns: ["isRead", "story"])
      try db.create(index: "article_starred", on: "article", columns: ["isStarred"])
      try db.create(index: "articleFeed_feed", on: "articleFeed", columns: ["feedID"])
      // Derived, kept by every write of read state and every grouping pass, so that lists,
      // counts and the feeds screen read one row per story instead of every article:
      // a story's unread versions, and which feeds carry each story.
      try db.alter(table: "story") { t in t.add(column: "unread", .integer).notNull().defaults(to: 0) }
      try db.create(table: "storyFeed", options: .withoutRowID) { t in
        t.column("storyID", .text).notNull()
        t.column("feedID", .integer).notNull()
        // Whether the story has an unread version (story.unread > 0), for per-feed counts.
        t.column("unread", .boolean).notNull().defaults(to: false)
        t.primaryKey(["storyID", "feedID"])
      }
      try db.create(index: "storyFeed_feed", on: "storyFeed", columns: ["feedID", "unread"])
      try db.create(index: "story_unread", on: "story", columns: ["unread"])
      // Whether any feed carries an article: the feeds screen lists the others by source,
      // through a partial index that holds only them.
      try db.alter(table: "article") { t in t.add(column: "viaFeed", .boolean).notNull().defaults(to: false) }
      try db.execute(sql: "UPDATE article SET viaFeed = 1 WHERE id IN (SELECT articleID FROM articleFeed)")
      try db.execute(sql: "CREATE INDEX article_feedless ON article(source, story) WHERE viaFeed = 0")
      try Self.refreshDerived(db, stories: nil)
    }
    migrator.registerMigration("v8-newsboat") { db in
      // What newsboat's urls file says of a feed (tags, hidden with !), and saved filters
      // (newsboat's query feeds, and filters saved later).
      try db.alter(table: "feed") { t in
        t.add(column: "tags", .text).notNull().defaults(to: "[]")
        t.add(column: "hidden", .boolean).notNull().defaults(to: false)
        // A title the user chose (newsboat's "~Title"): a sync never replaces it.
        t.add(column: "customTitle", .boolean).notNull().defaults(to: false)
      }
      try db.create(table: "savedFilter") { t in
        t.primaryKey("name", .text)
        t.column("query", .text).notNull()
        t.column("origin", .text)
      }
    }
    migrator.registerMigration("v9-identical-copies") { db in
      // Articles with one signature are grouped as one (GroupingEngine: identical copies):
      // each signature's digest, indexed, finds a new article's original; `copyOf` names it.
      // Stored copies are marked within their stories; their pairs are dropped (their
      // original's stand for them). Term statistics keep counting them until `regroup`.
      try db.alter(table: "signature") { t in t.add(column: "digest", .integer) }
      try db.alter(table: "article") { t in t.add(column: "copyOf", .integer) }
      let update = try db.makeStatement(sql: "UPDATE signature SET digest = ? WHERE articleID = ?")
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT signature.articleID, signature.data, article.story FROM signature
          JOIN article ON article.id = signature.articleID ORDER BY signature.articleID
          """)
      var originals = [String: Int64]()
      var copies: [(Int64, Int64)] = []
      while let row = try rows.next() {
        let id: Int64 = row[0]
        guard let signature = HashedSignature(row[1] as Data) else { continue }
        let digest = signature.digest
        try update.execute(arguments: [Int64(bitPattern: digest), id])
        guard let story = row[2] as String?, !signature.terms.isEmpty else { continue }
        let key = story + "/" + String(digest)
        if let original = originals[key] { copies.append((id, original)) } else { originals[key] = id }
      }
      let mark = try db.makeStatement(sql: "UPDATE article SET copyOf = ? WHERE id = ?")
      for (copy, original) in copies { try mark.execute(arguments: [original, copy]) }
      try db.execute(
        sql: """
          DELETE FROM edge WHERE a IN (SELECT id FROM article WHERE copyOf IS NOT NULL)
            OR b IN (SELECT id FROM article WHERE copyOf IS NOT NULL)
          """)
      try db.create(index: "signature_digest", on: "signature", columns: ["digest"])
      // Each story's first report (a story gaining copies is updated from it and its row),
      // and its sources as a JSON array.
      try db.alter(table: "story") { t in t.add(column: "anchor", .integer) }
      let stories = try Row.fetchCursor(db, sql: "SELECT id, sources FROM story")
      let firstReport = try db.makeStatement(
        sql: "SELECT id FROM article WHERE story = ? ORDER BY published IS NULL, published, key, id LIMIT 1")
      let rewrite = try db.makeStatement(sql: "UPDATE story SET anchor = ?, sources = ? WHERE id = ?")
      var updates: [(Int64?, String, String)] = []
      while let row = try stories.next() {
        let id: String = row[0]
        updates.append(
          (try Int64.fetchOne(firstReport, arguments: [id]), StorySources.encode(StorySources.decode(row[1])), id))
      }
      for (anchor, sources, id) in updates { try rewrite.execute(arguments: [anchor, sources, id]) }
      // New articles' text is indexed for search by the insert itself (Store.add), not by a
      // trigger: FTS5 flushes its pending terms at each trigger's savepoint.
      try db.execute(sql: "DROP TRIGGER IF EXISTS \"__articleSearch_ai\"")
      // The collection's size for term weights counts originals only, read from this index.
      try db.execute(sql: "CREATE INDEX article_original ON article(story) WHERE copyOf IS NULL")
    }
    migrator.registerMigration("v10-two-levels") { db in
      // Two levels: a story is one report in all its versions, and each story belongs to a
      // thread (a developing story). Pairs keep the evidence both levels are decided on;
      // signatures gain the lead's quotations (FactPrint), so stored articles are signed
      // again from their text. Stored stories stay as they are, each its own thread, until
      // `parallax regroup` (their pairs carry no fact evidence: they read as versions).
      try db.alter(table: "edge") { t in
        t.add(column: "novelty", .double).notNull().defaults(to: 0)
        t.add(column: "newFacts", .integer).notNull().defaults(to: 0)
        t.add(column: "cosine", .double).notNull().defaults(to: 0)
        t.add(column: "rareNames", .integer).notNull().defaults(to: 0)
        t.add(column: "leadRareNames", .integer).notNull().defaults(to: 0)
      }
      try db.alter(table: "story") { t in t.add(column: "thread", .text) }
      try db.execute(sql: "UPDATE story SET thread = 't' || substr(id, 2)")
      try db.create(index: "story_thread", on: "story", columns: ["thread"])
      // Whether a story is its thread's newest report (the list's row for the thread when
      // the list shows threads), kept by every grouping pass; read through a partial index
      // in the list's order.
      try db.alter(table: "story") { t in t.add(column: "threadHead", .boolean).notNull().defaults(to: true) }
      try db.execute(sql: "CREATE INDEX story_heads ON story(latest DESC, id) WHERE threadHead")
      // Signatures gained the lead's quotations here; they are signed again once, by v12.
    }
    migrator.registerMigration("v11-title-evidence") { db in
      // Versions of one report share their headline's words: pairs keep the Dice overlap of
      // the two titles' terms (-1, unknown, for pairs stored before: no evidence either way
      // until `parallax regroup`), and signatures gain the title's terms (signed again by v12).
      try db.alter(table: "edge") { t in t.add(column: "titleDice", .double).notNull().defaults(to: -1) }
    }
    migrator.registerMigration("v12-every-script") { db in
      // Words inside Chinese, Japanese, Korean and Thai text: the search index is rebuilt
      // with the `parallax` tokenizer (SegmentingTokenizer), which splits runs of those
      // scripts as grouping does; signatures are signed again for the same reason (and for
      // the language's stop words, endings and names). Each article keeps its language.
      try db.execute(
        sql: """
          DROP TRIGGER IF EXISTS "__articleSearch_ai"; DROP TRIGGER IF EXISTS "__articleSearch_ad";
          DROP TRIGGER IF EXISTS "__articleSearch_au"; DROP TABLE "articleSearch";
          CREATE VIRTUAL TABLE "articleSearch" USING fts5(
            title, body, tokenize='\(SegmentingTokenizer.name)', content='article', content_rowid='id');
          CREATE TRIGGER "__articleSearch_ad" AFTER DELETE ON "article" BEGIN
            INSERT INTO "articleSearch"("articleSearch", "rowid", "title", "body")
              VALUES('delete', old."id", old."title", old."body");
          END;
          CREATE TRIGGER "__articleSearch_au" AFTER UPDATE OF "title", "body" ON "article" BEGIN
            INSERT INTO "articleSearch"("articleSearch", "rowid", "title", "body")
              VALUES('delete', old."id", old."title", old."body");
            INSERT INTO "articleSearch"("rowid", "title", "body") VALUES (new."id", new."title", new."body");
          END;
          INSERT INTO "articleSearch"("articleSearch") VALUES('rebuild');
          """)
      try db.alter(table: "article") { t in t.add(column: "language", .text) }
      try Self.signAgain(db, sql: "SELECT * FROM article")
    }
    migrator.registerMigration("v13-reader-server") { db in
      // The reader server's items (their read and starred state as the server last had
      // them; several items can be one article, as when the server keeps an entry per feed
      // for one link), changes made here and not sent yet, and the server's sync state. Changes
      // are queued by triggers, so that every way of reading or starring here (a story read
      // at once, mark all, an arrival read because it adds nothing) reaches the server.
      try db.execute(
        sql: """
          CREATE TABLE serverItem (
            itemID TEXT PRIMARY KEY,
            articleID INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
            read BOOLEAN NOT NULL,
            starred BOOLEAN NOT NULL);
          CREATE INDEX serverItem_article ON serverItem(articleID);
          CREATE TABLE serverChange (
            articleID INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
            field TEXT NOT NULL,
            value BOOLEAN NOT NULL,
            changedAt TEXT NOT NULL,
            PRIMARY KEY (articleID, field));
          CREATE TABLE serverInfo (key TEXT PRIMARY KEY, value TEXT NOT NULL);
          CREATE TRIGGER serverRead AFTER UPDATE OF isRead ON article
          WHEN new.isRead IS NOT old.isRead AND EXISTS (SELECT 1 FROM serverItem WHERE articleID = new.id)
          BEGIN
            DELETE FROM serverChange WHERE articleID = new.id AND field = 'read';
            INSERT INTO serverChange (articleID, field, value, changedAt)
              SELECT new.id, 'read', new.isRead, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
              WHERE EXISTS (SELECT 1 FROM serverItem WHERE articleID = new.id AND read IS NOT new.isRead);
          END;
          CREATE TRIGGER serverStarred AFTER UPDATE OF isStarred ON article
          WHEN new.isStarred IS NOT old.isStarred AND EXISTS (SELECT 1 FROM serverItem WHERE articleID = new.id)
          BEGIN
            DELETE FROM serverChange WHERE articleID = new.id AND field = 'starred';
            INSERT INTO serverChange (articleID, field, value, changedAt)
              SELECT new.id, 'starred', new.isStarred, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
              WHERE EXISTS (SELECT 1 FROM serverItem WHERE articleID = new.id AND starred IS NOT new.isStarred);
          END;
          """)
    }
    migrator.registerMigration("v14-lead-words") { db in
      // Thread links need the two leads to tell of the same matter: pairs keep how much of
      // their content words the leads share (-1, unknown, for pairs stored before: no
      // evidence either way until `parallax regroup`).
      try db.alter(table: "edge") { t in t.add(column: "leadWords", .double).notNull().defaults(to: -1) }
    }
    migrator.registerMigration("v15-edges-by-newer-article") { db in
      // Pairs are kept in order of their newer article, (b, a), without a second index:
      // a pass's new pairs all have a new article as b, so they are written together at
      // the table's end instead of into pages all over it (the older article of each pair
      // is anywhere in the store), and grouping reads a stored article's pairs with those
      // stored before it (GroupingStorage.edges(to:)). Nothing reads pairs by `a`.
      try db.execute(
        sql: """
          CREATE TABLE edgeByNewer (
            a INTEGER NOT NULL, b INTEGER NOT NULL, score DOUBLE NOT NULL, conflict BOOLEAN NOT NULL,
            novelty DOUBLE NOT NULL DEFAULT 0, newFacts INTEGER NOT NULL DEFAULT 0, cosine DOUBLE NOT NULL DEFAULT 0,
            rareNames INTEGER NOT NULL DEFAULT 0, leadRareNames INTEGER NOT NULL DEFAULT 0,
            titleDice DOUBLE NOT NULL DEFAULT -1, leadWords DOUBLE NOT NULL DEFAULT -1,
            PRIMARY KEY (b, a)) WITHOUT ROWID;
          INSERT INTO edgeByNewer
            SELECT a, b, score, conflict, novelty, newFacts, cosine, rareNames, leadRareNames, titleDice, leadWords
            FROM edge ORDER BY b, a;
          DROP TABLE edge;
          ALTER TABLE edgeByNewer RENAME TO edge;
          """)
    }
    migrator.registerMigration("v16-shouted-headlines") { db in
      // A headline in capitals only ("FED ADDS RESERVES VIA REPURCHASES") says nothing about
      // names: its words are names only where the text writes them so
      // (ArticleSignature.shoutedWords). Articles whose title has no lower-case letter are
      // signed again; their stored pairs keep their evidence until `parallax regroup`.
      try Self.signAgain(db, sql: "SELECT * FROM article WHERE title GLOB '*[A-Z][A-Z]*' AND NOT title GLOB '*[a-z]*'")
    }
    migrator.registerMigration("v17-text-copies") { db in
      // An article stored with the very text of one stored before it (title, body and
      // declared language: a wire story republished word for word under another link) is
      // that article's text copy: `sameTextAs` names the first, which alone is in the search
      // index (a search finds its copies through it) and whose signature the copy shares
      // without being signed. `textHash` (GroupingEngine.textHash) finds the first; a search
      // finds an original's copies and their stories in `article_textCopy` alone. Articles
      // stored before this format have neither and stay as they are.
      try db.alter(table: "article") { t in
        t.add(column: "textHash", .integer)
        t.add(column: "sameTextAs", .integer)
      }
      // A copy's text is not in the index: an edit or removal leaves the index alone.
      try db.execute(
        sql: """
          CREATE INDEX article_textHash ON article(textHash) WHERE textHash IS NOT NULL;
          CREATE INDEX article_textCopy ON article(sameTextAs, story) WHERE sameTextAs IS NOT NULL;
          DROP TRIGGER IF EXISTS "__articleSearch_ad"; DROP TRIGGER IF EXISTS "__articleSearch_au";
          CREATE TRIGGER "__articleSearch_ad" AFTER DELETE ON "article" WHEN old.sameTextAs IS NULL BEGIN
            INSERT INTO "articleSearch"("articleSearch", "rowid", "title", "body")
              VALUES('delete', old."id", old."title", old."body");
          END;
          CREATE TRIGGER "__articleSearch_au" AFTER UPDATE OF "title", "body" ON "article" BEGIN
            INSERT INTO "articleSearch"("articleSearch", "rowid", "title", "body")
              SELECT 'delete', old."id", old."title", old."body" WHERE old.sameTextAs IS NULL;
            INSERT INTO "articleSearch"("rowid", "title", "body")
              SELECT new."id", new."title", new."body" WHERE new.sameTextAs IS NULL;
          END;
          """)
    }
    return migrator
  }

  /// Signs every article `sql` selects again from its text, on all cores, 2,000 at a time
  /// (memory stays bounded), keeping each signature's digest, and records the language read
  /// where the article has none.
  static func signAgain(_ db: Database, sql: String) throws {
    let leadTokens = GroupingParameters.default.leadTokens
    let update = try db.makeStatement(sql: "UPDATE signature SET data = ?, digest = ? WHERE articleID = ?")
    let language = try db.makeStatement(sql: "UPDATE article SET language = ? WHERE id = ? AND language IS NULL")
    let rows = try StoredArticle.fetchCursor(db, sql: sql)
    var batch: [StoredArticle] = []
    func flush() throws {
      let signatures = StoryGrouper.hashedSignatures(of: batch.map(\.article), leadTokens: leadTokens)
      for (row, signature) in zip(batch, signatures) {
        try update.execute(arguments: [signature.encoded, Int64(bitPattern: signature.digest), row.rowID])
        try language.execute(arguments: [signature.language.rawValue, row.rowID])
      }
      batch.removeAll(keepingCapacity: true)
    }
    while let row = try rows.next() {
      batch.append(row)
      if batch.count == 2_000 { try flush() }
    }
    try flush()
  }
}
