import Foundation
import GRDB
import ParallaxApp
import ParallaxCore
import ParallaxStore
import ParallaxTestSupport
import StoreLibrary
import TerminalModel
import Testing

/// The interface over the store: the same pictures as over files, pages, read state written
/// back, and changes from another process picked up.
@Suite struct StoreLibraryTests {
  static let seeds = TestSupport.seeds

  func temporaryPath() -> String {
    TestSupport.temporaryStorePath()
  }

  @Test func theStoryListOverTheStoreLooksLikeTheListOverFiles() throws {
    let path = temporaryPath()
    let store = try Store(path: path)
    let articles = ArticleLoader().load([Self.seeds.path]).articles
    try store.add(articles)
    let overStore = AppState(library: try StoreLibrary(store: store), width: 80, height: 8, theme: .monochrome)
    let overFiles = AppState(
      articles: articles, stories: StoryGrouper().group(articles), width: 80, height: 8, theme: .monochrome)
    let lines = Renderer.render(overStore).lines
    #expect(lines[0] == "Parallax — 4 stories, 5 articles")
    #expect(Set(lines[1...4]) == Set(Renderer.render(overFiles).lines[1...4]))
    #expect(lines.contains("●   2 Russia and Ukraine to Hold Peace Talks in Istanbul"))
  }

  @Test func readStateIsWrittenBackAndSurvivesReopening() throws {
    let path = temporaryPath()
    let store = try Store(path: path)
    try store.add(ArticleLoader().load([Self.seeds.path]).articles)
    var state = AppState(library: try StoreLibrary(store: store), width: 80, height: 8, theme: .monochrome)
    let story = try #require(
      (0..<state.library.storyCount).first { state.library.story(at: $0)?.size == 1 })
    _ = state.apply(.key(.character("j")))
    state.list.selected = story
    _ = state.apply(.key(.enter))
    guard case .reader(let handle) = state.screen else {
      Issue.record("the reader did not open")
      return
    }
    #expect(try Store(path: path).stats().unread == 4)
    let reopened = try StoreLibrary(store: Store(path: path))
    #expect(reopened.isRead(handle))
    #expect(reopened.story(at: story)?.unread == false)
  }

  @Test func storiesArePagedAndSearchedThroughTheStore() throws {
    let store = try Store(path: temporaryPath())
    let articles = (0..<250).map { i in
      Article(
        id: String(format: "a%03d", i), title: "Report \(i) on topic \(i * 7919 % 1000)",
        body: "Unique words \(i): " + (0..<30).map { "w\(i)x\($0)" }.joined(separator: " "),
        source: "Wire", published: String(format: "2024-01-01T%02d:%02d:00Z", i / 60, i % 60))
    }
    try store.add(articles)
    let library = try StoreLibrary(store: store)
    #expect(library.storyCount == 250)
    #expect(library.story(at: 0)?.title == "Report 249 on topic \(249 * 7919 % 1000)")
    #expect(library.story(at: 249)?.title == "Report 0 on topic 0")
    #expect(library.story(at: 250) == nil)
    let found = try #require(library.findStory(matching: "w17x3", from: 0, forward: true, includeCurrent: true))
    #expect(library.story(at: found)?.title.hasPrefix("Report 17 ") == true)
    let handle = try #require(library.members(ofStory: found).first)
    #expect(library.storyIndex(containing: handle) == found)
    #expect(library.step(from: handle, by: 1) == library.members(ofStory: found + 1).first)
  }

  @Test func anImportByAnotherProcessIsPickedUpOnRefresh() throws {
    let path = temporaryPath()
    let library = try StoreLibrary(store: Store(path: path))
    #expect(library.storyCount == 0)
    #expect(!library.refresh())
    let writer = try Store(path: path)
    try writer.add(ArticleLoader().load([Self.seeds.path]).articles)
    #expect(library.refresh())
    #expect(library.storyCount == 4)
    #expect(library.articleCount == 5)
  }

  @Test func aFailedStoreReadIsSaidInTheStatusLineAndLoggedNeverAnEmptyListWithoutAWord() throws {
    let path = temporaryPath()
    let store = try Store(path: path)
    try store.add(ArticleLoader().load([Self.seeds.path]).articles)
    let library = try StoreLibrary(store: store)
    // Another program breaks the store under the open interface.
    try DatabaseQueue(path: path, configuration: Store.fileConfiguration()).write { db in
      try db.execute(sql: "DROP TABLE story")
    }
    var state = AppState(library: library, width: 100, height: 8, theme: .monochrome)
    _ = Renderer.render(state)
    let reported = state.takeLibraryProblems()
    #expect(reported)
    let lines = Renderer.render(state).lines
    #expect(lines.last?.hasPrefix("cannot read stories: the store ") == true)
    #expect(state.log == ["cannot read stories: the store \(path) failed: no such table: story"])
    let again = state.takeLibraryProblems()
    #expect(!again, "each problem is reported once")
  }
}

/// A fetched page's text replacing a stored summary (the reader's fetch-page key).
@Suite struct StoredPageTextTests {
  @Test func thePagesTextIsStoredSearchableAndKeepsReadStateAndStory() throws {
    let path = TestSupport.temporaryStorePath()
    let store = try Store(path: path)
    var summary = Article(id: "s", title: "Bridge reopens after repairs", body: "The old bridge reopened on Friday.")
    summary.url = "https://news.example/bridge"
    try store.add([summary])
    let row = try #require(try store.list(limit: 1).first)
    let rowID = try #require(row.rowID)
    try store.setRead(rowID, true)
    let story = try store.storyID(ofArticle: rowID)
    let library = try StoreLibrary(store: store)
    #expect(library.article(Int(rowID)).body == summary.body)

    var full = summary
    full.body = "The old bridge reopened on Friday after two years of repairs.\n\nIt cost 40 million euros."
    full.authors = [Person(name: "Ana Ruiz")]
    #expect(library.replaceArticle(Int(rowID), with: full))
    #expect(library.article(Int(rowID)).body == full.body)
    #expect(library.article(Int(rowID)).authors == [Person(name: "Ana Ruiz")])
    let reopened = try #require(try Store(path: path).article(rowID))
    #expect(reopened.body == full.body)
    #expect(reopened.isRead)
    #expect(reopened.story == story)
    #expect(try store.search("euros").map(\.rowID) == [rowID])
    #expect(try store.search("reopened").count == 1)
    #expect(try store.stats().articles == 1)
  }

  @Test func anArticleThatIsGoneIsAProblemNotASilentSuccess() throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    let library = try StoreLibrary(store: store)
    #expect(!library.replaceArticle(42, with: Article(id: "x", title: "T", body: "B")))
    #expect(library.takeProblems() == ["cannot store the page's text: the article is no longer stored"])
  }
}
