import ParallaxCore
import TerminalModel
import Testing

@testable import ParallaxApp

/// R and r: a sync in the background, its progress in the status line, its reports in the
/// log screen and never on the terminal.
@Suite struct SyncInInterfaceTests {
  @Test func rSyncsInTheBackgroundWithProgressAndALog() {
    var state = Seeds.state(width: 80, height: 12)
    #expect(state.apply(.key(.character("R"))) == [.sync(only: nil)])
    #expect(Renderer.render(state).lines.last == "syncing every feed…")
    #expect(state.apply(.key(.character("R"))) == [])
    #expect(state.message == "a sync is already running (0/0 feeds)")
    _ = state.apply(.syncProgress(done: 3, total: 12))
    _ = state.apply(.key(.character("j")))
    #expect(Renderer.render(state).lines.last == "syncing 3/12 feeds…")
    _ = state.apply(.syncReport("[3/12] https://a.example/rss: FAILED: HTTP 404 Not Found"))
    _ = state.apply(.syncFinished("12 feeds: 40 new articles, 1 failed, in 2.0 s"))
    #expect(state.syncing == nil)
    #expect(Renderer.render(state).lines.last == "12 feeds: 40 new articles, 1 failed, in 2.0 s (L shows the log)")
    _ = state.apply(.key(.character("L")))
    #expect(state.screen == .log)
    #expect(
      Renderer.render(state).lines.prefix(5) == [
        " Log", "", " Sync", " [3/12] https://a.example/rss: FAILED: HTTP 404 Not Found",
        " 12 feeds: 40 new articles, 1 failed, in 2.0 s",
      ])
    _ = state.apply(.key(.character("q")))
    #expect(state.screen == .list)
  }

  @Test func theSummaryIsLoggedOnceWhenItWasTheLastReport() {
    var state = Seeds.state(width: 100, height: 12)
    _ = state.apply(.key(.character("R")))
    let summary = "https://rss.example/fever/: 3 feeds: 0 new articles (0 items, 0 already stored)"
    _ = state.apply(.syncReport("server: 3 feeds on the server (0 new here)"))
    _ = state.apply(.syncReport(summary))
    _ = state.apply(.syncFinished(summary))
    #expect(state.activity == ["server: 3 feeds on the server (0 new here)", summary])
  }

  @Test func rOnTheFeedsScreenSyncsTheSelectedSubscriptionOnly() {
    var state = Seeds.state(width: 80, height: 12)
    _ = state.apply(.key(.character("f")))
    #expect(state.screen == .feeds)
    // Files read into memory have sources, no subscriptions.
    #expect(state.apply(.key(.character("r"))) == [])
    #expect(state.message?.hasSuffix("is not a subscription: nothing to sync") == true)
    state.feedRows = [FeedRow(scope: .feed(1), url: "https://a.example/rss", title: "A", stories: 1, unreadStories: 1)]
    state.feedList = .init()
    #expect(state.apply(.key(.character("r"))) == [.sync(only: ["https://a.example/rss"])])
  }

  @Test func theLogSaysHowToFillItWhenEmpty() {
    var state = Seeds.state(width: 80, height: 12)
    _ = state.apply(.key(.character("L")))
    #expect(Renderer.render(state).lines[2] == " Nothing yet: R syncs every feed; its reports are listed here.")
  }
}
