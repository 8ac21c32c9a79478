import Foundation
import GRDB
import ParallaxApp
import ParallaxCore
import ParallaxTestSupport
import Testing

@testable import ParallaxStore

/// Search, filters and languages in the store beyond English (issue 23).
@Suite struct LanguageSearchTests {
  static let languages = ["zh", "ja", "ko", "ru", "ar", "es", "de"]
  static let articles = ArticleLoader().load(
    languages.map { TestSupport.fixtures.appendingPathComponent("languages/\($0).jsonl").path }
  ).articles

  /// Words inside running text, in each script, each found in the articles that hold them
  /// and nowhere else; a query is a phrase of its character pairs, not the characters apart.
  @Test func wordsInsideRunningTextAreFoundInEveryScript() throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    try store.add(Self.articles)
    let cases: [(String, String)] = [
      ("佩斯科夫", "zh-talks"), ("发言人", "zh-talks"), ("伊斯坦布尔", "zh-talks"), ("刀片电池", "zh-byd"),
      ("植田", "ja-boj"), ("利上げ", "ja-boj"), ("輪島市", "ja-quake"),
      ("이창용", "ko-bok"), ("기준금리", "ko-bok"), ("손흥민", "ko-son"),
      ("Песков", "ru-talks"), ("Набиуллина", "ru-rate"),
      ("بيسكوف", "ar-talks"), ("الحوز", "ar-quake"),
      ("Lagarde", "-ecb"), ("Vinícius", "es-clasico"), ("vinicius", "es-clasico"),
      ("Waffenruhe", "de-talks"), ("Osnabrück", "de-vw"),
    ]
    for (query, prefix) in cases {
      let hits = try store.search(query, limit: 100).map(\.inputID)
      #expect(!hits.isEmpty, "\(query)")
      #expect(hits.allSatisfy { $0.contains(prefix) }, "\(query): \(hits)")
    }
    // The characters of a word apart are not the word.
    #expect(try store.search("佩科").isEmpty)
    // Ranking stays: the article that says it most comes first.
    #expect(try store.search("佩斯科夫").first?.inputID.hasPrefix("zh-talks") == true)
  }

  /// The interface's filters read the same index.
  @Test func filtersFindWordsInsideRunningText() throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    try store.add(Self.articles)
    let query = try StoryQuery(parsing: "佩斯科夫")
    // The talks story (original, rewrite, trim) and its follow-up.
    #expect(try store.storyCount(view: StoryView(query: query)) == 2)
    #expect(try store.storyCount(view: StoryView(query: try StoryQuery(parsing: "이창용"))) == 2)
  }

  @Test func eachArticleKeepsItsLanguage() throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    try store.add(Self.articles)
    for row in try store.allArticles() {
      #expect(row.language == String(row.inputID.prefix(2)), "\(row.inputID)")
    }
  }

  /// A store written before store format 12 (the previous release: search index with
  /// `unicode61`, no language) is migrated: its search finds words inside Chinese text
  /// afterwards, and every article gets a language.
  @Test func aStoreFromBeforeEveryScriptIsReindexed() throws {
    let path = TestSupport.temporaryStorePath()
    do {
      let store = try Store(path: path)
      try store.add(Self.articles)
    }
    try DatabaseQueue(path: path, configuration: Store.fileConfiguration()).write { db in
      try db.execute(
        sql: """
          DROP TRIGGER "__articleSearch_ad"; DROP TRIGGER "__articleSearch_au"; DROP TABLE "articleSearch";
          CREATE VIRTUAL TABLE "articleSearch" USING fts5(
            title, body, tokenize='''unicode61''', content='article', content_rowid='id');
          INSERT INTO "articleSearch"("articleSearch") VALUES('rebuild');
          CREATE TRIGGER "__articleSearch_ad" AFTER DELETE ON "article" BEGIN
            INSERT INTO "articleSearch"("articleSearch", "rowid", "title", "body")
              VALUES('delete', old."id", old."title", old."body");
          END;
          ALTER TABLE article DROP COLUMN language;
          DELETE FROM grdb_migrations WHERE identifier = 'v12-every-script'; PRAGMA user_version = 11;
          """)
      // As the previous release left it: a Chinese word inside a run is not found.
      let hits = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM articleSearch WHERE articleSearch MATCH '佩斯科夫'")
      #expect(hits == 0)
    }
    let store = try Store(path: path)
    #expect(try store.search("佩斯科夫").count == 4)
    #expect(try store.allArticles().allSatisfy { $0.language != nil })
    #expect(try store.integrityCheck() == "ok")
    // Deleting and editing articles keeps the index consistent under the new tokenizer.
    try store.pool.write { db in
      try db.execute(sql: "UPDATE article SET title = '新标题' WHERE inputID = 'zh-talks-original'")
      try db.execute(sql: "INSERT INTO articleSearch(articleSearch) VALUES('integrity-check')")
    }
    #expect(try store.search("新标题").count == 1)
  }
}
