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
