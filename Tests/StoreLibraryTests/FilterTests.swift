import Foundation
import ParallaxApp
import ParallaxCore
import ParallaxStore
import ParallaxTestSupport
import StoreLibrary
import TerminalModel
import Testing

/// `F` over the store: every term as SQL, the prompt, the title line, Esc clearing it.
@Suite struct FilterTests {
  func article(_ id: String, _ title: String, _ words: String, source: String, day: Int) -> Article {
    var a = Article(id: id, title: title, body: String(repeating: words + " ", count: 10))
    a.url = "https://\(source.lowercased()).example/\(id)"
    a.source = source
    a.published = "2026-11-\(day)T08:00:00Z"
    return a
  }

  func state() throws -> (AppState, StoreLibrary) {
    let store = try Store(path: TestSupport.temporaryStorePath())
    try store.add(
      [
        article("s1", "Storm cuts power", "storm power homes coast crews", source: "Wire", day: 20),
        article("s2", "Storm cuts power", "storm power homes coast crews", source: "Herald", day: 21),
      ], feed: "https://bbc.example/rss")
    try store.add([article("t1", "Tram line approved", "council tram vote route", source: "Herald", day: 18)])
    try store.add([article("l1", "Library opens late 50%_off", "library hours evening books", source: "Post", day: 10)])
    let library = try StoreLibrary(store: store)
    return (AppState(library: library, width: 90, height: 8, theme: .monochrome), library)
  }

  func titles(_ library: StoreLibrary) -> [String] {
    (0..<library.storyCount).compactMap { library.story(at: $0)?.title }
  }

  @Test(arguments: [
    ("storm", ["Storm cuts power"]),
    ("\"power homes\"", ["Storm cuts power"]),
    ("feed:bbc", ["Storm cuts power"]),
    ("source:herald", ["Storm cuts power", "Tram line approved"]),
    ("versions>1", ["Storm cuts power"]),
    ("versions=1", ["Tram line approved", "Library opens late 50%_off"]),
    ("after:2026-11-18", ["Storm cuts power", "Tram line approved"]),
    ("before:2026-11-18", ["Library opens late 50%_off"]),
    ("tram OR library", ["Tram line approved", "Library opens late 50%_off"]),
    ("source:herald versions=1", ["Tram line approved"]),
    ("unread source:post", ["Library opens late 50%_off"]),
    ("starred", [String]()),
    ("source:%", [String]()),
  ])
  func everyTermSelectsInTheStore(query: String, expected: [String]) throws {
    let (_, library) = try state()
    var filter = ListFilter()
    filter.query = try StoryQuery(parsing: query)
    library.setFilter(filter)
    #expect(titles(library) == expected, "\(query)")
    #expect(library.takeProblems().isEmpty)
  }

  @Test func thePromptTheTitleLineAndEscClearing() throws {
    var (state, library) = try state()
    _ = state.apply(.key(.character("F")))
    for c in "source:herald" { _ = state.apply(.key(.character(c))) }
    #expect(Renderer.render(state).lines.last == "filter: source:herald")
    _ = state.apply(.key(.enter))
    let lines = Renderer.render(state).lines
    #expect(lines[0] == "Parallax — 2 stories, 4 articles · filter: source:herald")
    #expect(lines.last == "2 stories match")
    // F again starts from the active filter; a mistake keeps the list and says why.
    _ = state.apply(.key(.character("F")))
    #expect(state.search.input == "source:herald")
    for c in " versions>x" { _ = state.apply(.key(.character(c))) }
    _ = state.apply(.key(.enter))
    #expect(state.message == "filter: versions>x: versions is compared with a number (versions>2)")
    #expect(library.storyCount == 2)
    // Esc clears the filter instead of quitting.
    #expect(state.apply(.key(.escape)) == [])
    #expect(state.message == "filter cleared")
    #expect(library.storyCount == 3)
    #expect(state.apply(.key(.escape)) == [.quit])
  }

  @Test func noMatchSaysHowToClear() throws {
    var (state, _) = try state()
    _ = state.apply(.key(.character("F")))
    for c in "nothing-like-this" { _ = state.apply(.key(.character(c))) }
    _ = state.apply(.key(.enter))
    #expect(Renderer.render(state).lines[2] == "  No story matches the filter: nothing-like-this. q clears it.")
  }
}

/// `/` over the store finds the same stories, in the same order, as over memory.
@Suite struct StoreSearchTests {
  @Test func nextAndPreviousMatchesAgreeWithMemoryAndWrap() throws {
    let words = ["harbour", "library", "harbour", "tram", "harbour", "bridge"]
    let articles = words.enumerated().map { i, word in
      var a = Article(
        id: "s\(i)", title: "Story \(i) about \(word)",
        body: String(repeating: "\(word) unique\(i) words\(i * 13) ", count: 6))
      a.published = i == 5 ? nil : "2026-11-\(20 - i)T08:00:00Z"
      return a
    }
    let store = try Store(path: TestSupport.temporaryStorePath())
    try store.add(articles)
    let overStore = try StoreLibrary(store: store)
    let overMemory = MemoryLibrary(articles: articles, stories: StoryGrouper().group(articles))
    #expect(overStore.storyCount == overMemory.storyCount)
    for library in [overStore, overMemory] as [any Library] {
      var seen: [String] = []
      var index = 0
      var includeCurrent = true
      for _ in 0..<4 {
        guard
          let found = library.findStory(matching: "harb", from: index, forward: true, includeCurrent: includeCurrent)
        else { break }
        seen.append(library.story(at: found)!.title)
        index = found
        includeCurrent = false
      }
      #expect(
        seen == ["Story 0 about harbour", "Story 2 about harbour", "Story 4 about harbour", "Story 0 about harbour"],
        "\(type(of: library))")
      let back = library.findStory(matching: "harb", from: index, forward: false, includeCurrent: false)
      #expect(back.flatMap { library.story(at: $0)?.title } == "Story 4 about harbour", "\(type(of: library))")
      #expect(library.findStory(matching: "nothing", from: 0, forward: true, includeCurrent: true) == nil)
    }
  }
}
