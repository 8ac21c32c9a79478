import ParallaxCore
import TerminalModel
import Testing

@testable import ParallaxApp

/// The side-by-side comparison at 100 columns and wider, as a picture.
@Suite struct WideComparisonTests {
  @Test func theWideComparisonPicture() {
    var left = Article(
      id: "l", title: "Storm cuts power",
      body:
        "A winter storm cut power to 48,000 homes on the coast on Monday and closed the main road, officials said.\n\nCrews from three counties worked through the night to restore the lines, the utility said.\n\nSchools in the district stay closed until Thursday."
    )
    left.source = "Wire"
    var right = Article(
      id: "r", title: "Storm cuts power to homes",
      body:
        "A winter storm cut power to 52,000 homes on the coast on Monday and closed the main road, officials said.\n\nCrews from three counties worked through the night to restore the lines, the utility said.\n\n\"We are doing all we can,\" said Dana Holt, the utility's director."
    )
    right.source = "Herald"
    var state = AppState(
      articles: [left, right], stories: StoryGrouper().group([left, right]), width: 100, height: 14,
      theme: .monochrome)
    _ = state.apply(.key(.character("c")))
    #expect(state.screen == .comparison, "\(state.message ?? "")")
    guard state.comparison != nil else { return }
    let (l, r) = (state.comparison!.left, state.comparison!.right)
    _ = state.apply(
      .comparisonReady(Comparator().compare(state.library.article(l), state.library.article(r)), left: l, right: r))
    let lines = Renderer.render(state).lines
    #expect(
      lines == [
        "  Storm cuts power                                │ Storm cuts power to homes",
        "~ A winter storm cut power to 48,000 homes on the │ A winter storm cut power to 52,000 homes on the",
        "  coast on Monday and closed the main road,       │ coast on Monday and closed the main road,",
        "  officials said.                                 │ officials said.",
        "                                                  │",
        "= Crews from three counties worked through the    │ Crews from three counties worked through the",
        "  night to restore the lines, the utility said.   │ night to restore the lines, the utility said.",
        "                                                  │",
        "- Schools in the district stay closed until       │",
        "  Thursday.                                       │",
        "                                                  │",
        "+                                                 │ \"We are doing all we can,\" said Dana Holt, the",
        "                                                  │ utility's director.",
        "] next-difference  [ previous-difference  Tab switch-pane  s swap-sides  / search  q back",
      ])
  }
}
