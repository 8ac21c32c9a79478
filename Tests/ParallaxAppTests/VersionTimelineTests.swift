import ParallaxCore
import TerminalModel
import Testing

@testable import ParallaxApp

/// The versions screen as a timeline: distinct texts in order of publication, copies
/// collapsed, what each adds or lacks; `c` picks the two that differ most.
@Suite struct VersionTimelineTests {
  static let wire = """
    A winter storm cut power to 48,000 homes on the coast on Tuesday and closed the main coastal road, officials said.

    Crews from three counties worked through the night to restore lines, the utility said in a statement.
    """

  func version(_ id: String, _ source: String, _ hour: Int, _ body: String = wire) -> Article {
    var a = Article(id: id, title: "Storm cuts power to 48,000 homes", body: body)
    a.source = source
    a.published = "2026-11-20T\(hour < 10 ? "0" : "")\(hour):00:00Z"
    return a
  }

  func state(_ articles: [Article], width: Int = 110) -> AppState {
    let stories = StoryGrouper().group(articles)
    #expect(stories.count == 1, "the versions are one story")
    var state = AppState(articles: articles, stories: stories, width: width, height: 8, theme: .monochrome)
    _ = state.apply(.key(.enter))
    return state
  }

  @Test func copiesCollapseIntoOneRowNamingEveryOutletInOrderOfPublication() {
    let update =
      Self.wire
      + "\n\nBy evening 12,500 homes were still without power. \"Everyone is back by Friday,\" said Dana Holt."
    let articles = [
      version("w5", "Wire 5", 10), version("w4", "Wire 4", 8), version("late", "Update Wire", 19, update),
      version("w6", "Wire 6", 11), version("w7", "Wire 7", 12), version("w8", "Wire 8", 13),
      version("w9", "Wire 9", 14),
    ]
    var state = state(articles)
    #expect(state.screen == .versions(story: 0))
    let lines = Renderer.render(state).lines
    #expect(lines[0] == "Storm cuts power to 48,000 homes — 7 versions, 2 distinct")
    #expect(
      lines[1]
        == "●   Wire 4 + 5 more          2026-11-20 08:00 38 words    first          Storm cuts power to 48,000 homes")
    #expect(
      lines[2]
        == "●   Update Wire              2026-11-20 19:00 54 words    +2 facts −0    Storm cuts power to 48,000 homes")
    // Enter opens the earliest copy; c compares the two distinct texts.
    #expect(state.apply(.key(.character("c"))) == [.compare(left: 1, right: 2)])
  }

  @Test func everyVersionIdenticalSaysSoInsteadOfAnEmptyComparison() {
    var state = state([version("a", "Wire 1", 8), version("b", "Wire 2", 9), version("c", "Wire 3", 10)])
    #expect(Renderer.render(state).lines[0] == "Storm cuts power to 48,000 homes — 3 versions, 1 distinct")
    #expect(Renderer.render(state).lines[1].hasPrefix("●   Wire 1 + 2 more"))
    #expect(state.apply(.key(.character("c"))) == [])
    #expect(state.message == "all 3 versions are identical: nothing to compare")
    #expect(state.screen == .versions(story: 0))
  }

  @Test func uOnACollapsedRowReadsEveryCopy() {
    var state = state([version("a", "Wire 1", 8), version("b", "Wire 2", 9)])
    _ = state.apply(.key(.character("u")))
    #expect(state.library.isRead(0) && state.library.isRead(1))
    #expect(Renderer.render(state).lines[1].hasPrefix("    Wire 1 + 1 more"))
  }
}
