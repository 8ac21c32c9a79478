import Foundation
import ParallaxApp
import ParallaxCore
import ParallaxStore
import ParallaxTestSupport
import StoreLibrary
import TerminalModel
import Testing

/// Read state that fits stories: a story is read once and comes back only for a version
/// that adds facts; mark-all-read, unread-only and starred views over the store.
@Suite struct ReadStateTests {
  static let wire = """
    A winter storm cut power to 48,000 homes on the coast on Tuesday and closed the main coastal road, officials said.

    Crews from three counties worked through the night to restore lines, the utility said in a statement.

    Schools in the district will stay closed until Thursday while roads are cleared of fallen trees.
    """

  func version(_ id: String, _ body: String, source: String) -> Article {
    var a = Article(id: id, title: "Storm cuts power to 48,000 homes", body: body)
    a.source = source
    a.url = "https://\(source.lowercased().replacingOccurrences(of: " ", with: "")).example/\(id)"
    a.published = "2026-11-20T10:00:00Z"
    return a
  }

  /// A store holding the wire story and an unrelated one, with the wire story read.
  func readStore() throws -> (Store, StoreLibrary, Int) {
    let store = try Store(path: TestSupport.temporaryStorePath())
    var other = Article(
      id: "tram", title: "Council approves tram line",
      body: "The council voted 31 to 14 for the tram line on Monday, ending a decade of debate over the route.")
    other.published = "2026-11-19T09:00:00Z"
    try store.add([version("w1", Self.wire, source: "Wire"), other])
    let library = try StoreLibrary(store: store)
    let story = try #require((0..<library.storyCount).first { library.story(at: $0)?.title.hasPrefix("Storm") == true })
    let handle = try #require(library.members(ofStory: story).first)
    library.markRead(handle)
    #expect(library.story(at: story)?.unread == false)
    return (store, library, story)
  }

  func storyRow(_ library: StoreLibrary) -> StorySummary? {
    (0..<library.storyCount).compactMap { library.story(at: $0) }.first { $0.title.hasPrefix("Storm") }
  }

  @Test func identicalTrimmedAndRewordedCopiesNeverResurfaceAReadStory() throws {
    let (store, library, _) = try readStore()
    let trimmed = Self.wire.components(separatedBy: "\n\n").dropLast().joined(separator: "\n\n")
    let reworded = """
      A winter storm knocked out power to 48,000 coastal homes on Tuesday and shut the main coastal road, officials said.

      Crews from three counties worked overnight restoring lines, the utility said in a statement.
      """
    try store.add([
      version("w2", Self.wire, source: "Copy One"), version("w3", trimmed, source: "Copy Two"),
      version("w4", reworded, source: "Copy Three"),
    ])
    #expect(library.refresh())
    let row = try #require(storyRow(library))
    #expect(row.size == 4)
    #expect(!row.unread)
    #expect(row.newVersions == 0)
    #expect(try store.stats().unreadStories == 1)  // the tram story only
  }

  @Test func aVersionWithANewQuoteOrNumberBringsTheStoryBackMarked() throws {
    let (store, library, _) = try readStore()
    let update =
      Self.wire
      + "\n\nBy Wednesday evening 12,500 homes were still without power. \"We expect everyone back by Friday,\" said Dana Holt, the utility's director."
    try store.add([version("w5", update, source: "Update Wire"), version("w6", Self.wire, source: "Copy One")])
    #expect(library.refresh())
    let row = try #require(storyRow(library))
    #expect(row.unread)
    #expect(row.newVersions == 1)
    var state = AppState(library: library, width: 100, height: 10, theme: .monochrome)
    let lines = Renderer.render(state).lines
    #expect(lines.contains { $0.hasPrefix("●   3 +1 new · Storm cuts power to 48,000 homes") })
    // The versions screen marks the new version with what it adds.
    let index = try #require((0..<library.storyCount).first { library.story(at: $0)?.title.hasPrefix("Storm") == true })
    state.list.selected = index
    _ = state.apply(.key(.enter))
    let versions = Renderer.render(state).lines
    let marked = versions.filter { $0.contains("new +") }
    #expect(marked.count == 1)
    #expect(marked.first?.contains("Update Wire") == true)
    #expect(marked.first?.hasPrefix("●") == true)
    // Reading the story again reads the new version too.
    _ = state.apply(.key(.enter))
    #expect(storyRow(library)?.unread == false)
  }

  @Test func markAllReadOnAFilteredListTouchesOnlyThatList() throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    let articles = (1...4).map { i in
      var a = Article(
        id: "s\(i)", title: "Story number \(i) about topic \(["alpha", "beta", "gamma", "delta"][i - 1])",
        body: "Body \(i): " + String(repeating: "unique\(i) words here \(i * 7). ", count: 8))
      a.published = "2026-11-2\(i)T10:00:00Z"
      return a
    }
    try store.add(articles)
    let library = try StoreLibrary(store: store)
    #expect(library.storyCount == 4)
    // Star two stories, then show only starred ones and mark them all read.
    var state = AppState(library: library, width: 90, height: 10, theme: .monochrome)
    _ = state.apply(.key(.character("*")))
    _ = state.apply(.key(.character("j")))
    _ = state.apply(.key(.character("*")))
    _ = state.apply(.key(.character("S")))
    #expect(library.storyCount == 2)
    #expect(Renderer.render(state).lines[0] == "Parallax — 2 starred stories, 4 articles")
    #expect(Renderer.render(state).lines[1].hasPrefix("●!  1 Story number"))
    _ = state.apply(.key(.character("A")))
    #expect(state.message == "every starred story marked read (2 versions)")
    #expect(try store.stats().unread == 2)
    #expect(try store.stats().unreadStories == 2)
    #expect(try store.stats().starred == 2)
    // Back to every story, then only unread ones: the two not starred.
    _ = state.apply(.key(.character("S")))
    _ = state.apply(.key(.character("U")))
    #expect(library.storyCount == 2)
    #expect(Renderer.render(state).lines[0] == "Parallax — 2 unread stories, 4 articles")
    #expect((0..<2).allSatisfy { library.story(at: $0)?.unread == true && library.story(at: $0)?.starred == false })
    // u on a row reads it; the unread-only list then holds one story.
    _ = state.apply(.key(.character("u")))
    #expect(library.storyCount == 1)
    _ = state.apply(.key(.character("A")))
    #expect(Renderer.render(state).lines[2].contains("No unread stories. U shows every story."))
    #expect(try store.stats().unreadStories == 0)
  }
}

/// The derived counts (a story's unread versions, the feeds carrying it) stay equal to what
/// the articles say through every write of read state, feeds and grouping.
@Suite struct DerivedCountTests {
  @Test func everyWriteKeepsTheCountsTrue() throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    var generator = SystemRandomNumberGenerator()
    func check(_ step: String) throws {
      #expect(try store.storiesWithStaleCounts() == [], "after \(step)")
    }
    let seeds = ArticleLoader().load([TestSupport.seeds.path]).articles
    try store.add(Array(seeds.prefix(3)), feed: "https://a.example/rss")
    try check("a first feed")
    try store.add(Array(seeds.suffix(3)), feed: "https://b.example/rss")  // one article on both feeds
    try check("a second feed sharing an article")
    let ids = try store.list(limit: 100).compactMap(\.rowID)
    for step in 0..<40 {
      let id = ids.randomElement(using: &generator)!
      switch step % 5 {
      case 0: try store.markStoryRead(containing: id)
      case 1: try store.setRead(id, Bool.random(using: &generator))
      case 2:
        if let story = try store.storyID(ofArticle: id) {
          try store.setStoryRead(story, Bool.random(using: &generator))
        }
      case 3: try store.markAllRead(view: StoryView(feedID: 1))
      default: try store.setRead(id, false)
      }
      try check("step \(step)")
    }
    try store.regroupAll()
    try check("regroup")
    var copy = seeds[0]
    copy.url = "https://c.example/copy"
    copy.id = "copy"
    try store.add([copy], feed: "https://c.example/rss")
    try check("an arriving copy")
  }
}
