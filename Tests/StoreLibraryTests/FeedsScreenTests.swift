import Foundation
import ParallaxApp
import ParallaxCore
import ParallaxStore
import ParallaxTestSupport
import StoreLibrary
import TerminalModel
import Testing

/// The feeds screen over the store: every subscription with unread stories of all, last
/// sync and last error; imported files under their source; Enter shows one feed's stories.
@Suite struct FeedsScreenTests {
  func article(_ id: String, _ title: String, _ words: String, source: String? = nil) -> Article {
    var a = Article(id: id, title: title, body: String(repeating: words + " ", count: 12))
    a.url = "https://news.example/\(id)"
    a.source = source
    a.published = "2026-11-2\(id.count % 9)T08:00:00Z"
    return a
  }

  func state() throws -> (AppState, Store) {
    let store = try Store(path: TestSupport.temporaryStorePath())
    try store.subscribe(["https://alpha.example/rss", "https://beta.example/rss", "https://gamma.example/rss"])
    try store.add(
      [
        article("a1", "Harbour cranes replaced", "cranes harbour steel replaced port"),
        article("a2", "Library opens late", "library hours evening books readers"),
      ],
      feed: "https://alpha.example/rss")
    try store.add(
      [article("b1", "Harbour cranes replaced", "cranes harbour steel replaced port")], feed: "https://beta.example/rss"
    )
    try store.recordFetch(
      "https://alpha.example/rss", etag: nil, lastModified: nil, title: "Alpha News", error: nil,
      now: Date(timeIntervalSince1970: 1_795_000_000))
    try store.recordFetch(
      "https://gamma.example/rss", etag: nil, lastModified: nil, title: nil, error: "HTTP 404 Not Found",
      now: Date(timeIntervalSince1970: 1_795_000_000))
    try store.add([article("f1", "Tram line approved", "council tram vote route line", source: "Local Paper")])
    let library = try StoreLibrary(store: store)
    return (AppState(library: library, width: 80, height: 10, theme: .monochrome), store)
  }

  @Test func theFeedsScreenListsEveryFeedAndSourceWithUnreadStories() throws {
    var (state, _) = try state()
    _ = state.apply(.key(.character("f")))
    #expect(state.screen == .feeds)
    let lines = Renderer.render(state).lines
    #expect(lines[0] == "Feeds — 4 feeds, 4 unread stories")
    #expect(lines[1] == "● 2/2         Alpha News                                 synced 2026-11-18 11:06")
    #expect(lines[2] == "● 1/1         https://beta.example/rss                   never synced")
    #expect(lines[3] == "! 0/0         https://gamma.example/rss                  synced 2026-11-18 11:06")
    #expect(lines[4] == "● 1/1         Local Paper                                imported")
    #expect(lines.last == "https://alpha.example/rss")
    _ = state.apply(.key(.character("j")))
    _ = state.apply(.key(.character("j")))
    #expect(Renderer.render(state).lines.last == "https://gamma.example/rss · last error: HTTP 404 Not Found")
  }

  @Test func enterShowsOneFeedsStoriesAndQComesBack() throws {
    var (state, _) = try state()
    _ = state.apply(.key(.character("U")))  // unread only, kept into the feed's list
    _ = state.apply(.key(.character("f")))
    _ = state.apply(.key(.enter))
    #expect(state.screen == .list)
    var lines = Renderer.render(state).lines
    #expect(lines[0] == "Alpha News — 2 unread stories")
    #expect(lines.contains { $0.contains("Harbour cranes replaced") })
    #expect(lines.contains { $0.contains("Library opens late") })
    #expect(!lines.contains { $0.contains("Tram line") })
    // Reading a story in the feed's list counts in the feeds screen.
    _ = state.apply(.key(.character("u")))
    _ = state.apply(.key(.character("q")))
    #expect(state.screen == .feeds)
    lines = Renderer.render(state).lines
    #expect(lines[1].hasPrefix("● 1/2"))
    _ = state.apply(.key(.character("q")))
    #expect(state.screen == .list)
    #expect(Renderer.render(state).lines[0].hasPrefix("Parallax — "))
    #expect(state.library.filter == ListFilter(unreadOnly: true))
  }

  @Test func savedFiltersAreRowsAndHiddenFeedsAreNot() throws {
    var (state, store) = try state()
    try store.setFeedDetails("https://beta.example/rss", title: nil, tags: ["harbour"], hidden: true)
    try store.saveFilter(Store.SavedFilter(name: "Harbour news", query: "tag:harbour unread", origin: "test"))
    _ = state.apply(.key(.character("f")))
    let lines = Renderer.render(state).lines
    #expect(!lines.contains { $0.contains("beta.example") })
    #expect(lines.contains { $0.hasPrefix("● 1/1") && $0.contains("Harbour news") && $0.contains("saved filter") })
    _ = state.apply(.key(.character("G")))
    #expect(Renderer.render(state).lines.last == "saved filter: tag:harbour unread")
    _ = state.apply(.key(.enter))
    let list = Renderer.render(state).lines
    #expect(list[0] == "Harbour news — 1 story · filter: tag:harbour unread")
    #expect(list[1].contains("Harbour cranes replaced"))
    _ = state.apply(.key(.character("q")))
    #expect(state.screen == .feeds)
  }

  @Test func aSourceRowShowsTheImportedFilesStories() throws {
    var (state, _) = try state()
    _ = state.apply(.key(.character("f")))
    _ = state.apply(.key(.character("G")))
    _ = state.apply(.key(.enter))
    let lines = Renderer.render(state).lines
    #expect(lines[0] == "Local Paper — 1 story")
    #expect(lines[1].contains("Tram line approved"))
  }
}

/// `parallax PATH...` lands on the first story of what it imported.
@Suite struct LandingTests {
  func article(_ i: Int, day: String) -> Article {
    var a = Article(
      id: "a\(i)", title: "Story \(i) on subject \(i * 37)",
      body: String(repeating: "word\(i) thing\(i * 3) item\(i * 7) ", count: 8))
    a.published = day
    return a
  }

  @Test func theCursorLandsOnTheImportedStoryUnlessTheUserMoved() throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    try store.add((0..<30).map { article($0, day: "2026-11-\(10 + $0 % 19)T08:00:00Z") })
    let importer = Importer(store: store)
    try importer.add([article(100, day: "2025-01-02T08:00:00Z"), article(101, day: "2025-01-03T08:00:00Z")], feed: nil)
    try importer.finish()
    let first = try #require(try store.firstStory(holding: importer.rowIDs))
    let library = try StoreLibrary(store: store)
    var state = AppState(library: library, width: 80, height: 10, theme: .monochrome)
    state.land(onStory: first)
    #expect(state.list.selected == 30)
    #expect(library.story(at: state.list.selected)?.title == "Story 101 on subject 3737")
    #expect(Renderer.render(state).lines.contains { $0.contains("Story 101 on subject 3737") })
    // Already moved: the cursor stays.
    var moved = AppState(library: library, width: 80, height: 10, theme: .monochrome)
    _ = moved.apply(.key(.character("j")))
    moved.land(onStory: first)
    #expect(moved.list.selected == 1)
  }
}
