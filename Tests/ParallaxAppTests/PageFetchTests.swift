import ParallaxCore
import TerminalModel
import Testing

@testable import ParallaxApp

/// The reader's fetch-page key: a summary offers it, the key asks for the page, and the
/// answer replaces the text or says in the status line why it did not.
@Suite struct PageFetchTests {
  static let summary: Article = {
    var a = Article(id: "s", title: "Bridge reopens after repairs", body: "The old bridge reopened on Friday.")
    a.url = "https://news.example/bridge"
    a.source = "Summary Wire"
    return a
  }()

  /// A state showing `article` in the reader.
  func reader(_ article: Article = summary) -> AppState {
    var state = AppState(
      articles: [article], stories: StoryGrouper().group([article]), width: 70, height: 14, theme: .monochrome)
    _ = state.apply(.key(.enter))
    return state
  }

  func screen(_ state: AppState) -> [String] { Renderer.render(state).lines }

  @Test func aSummaryInTheReaderSaysHowToFetchItsPage() {
    let state = reader()
    #expect(state.screen == .reader(article: 0))
    let lines = screen(state)
    #expect(lines.contains { $0.contains("Only a summary (6 words) is stored: p fetches the full text") })
    #expect(lines.last?.contains("p fetch-page") == true)
  }

  @Test func aFullArticleOffersNoFetch() {
    var full = Self.summary
    full.body = String(repeating: "The bridge carries four lanes of traffic across the river. ", count: 20)
    let lines = screen(reader(full))
    #expect(!lines.contains { $0.contains("Only a summary") })
    #expect(lines.last?.contains("fetch-page") == false)
  }

  @Test func theKeyAsksForThePageOnceAndTheStatusLineShowsProgress() {
    var state = reader()
    #expect(state.apply(.key(.character("p"))) == [.fetchPage(handle: 0, url: "https://news.example/bridge")])
    #expect(screen(state).last?.hasPrefix("fetching the page from news.example") == true)
    #expect(screen(state).contains { $0.contains("Fetching the article's page…") })
    #expect(state.apply(.key(.character("p"))) == [])
    #expect(state.message == "already fetching news.example…")
    _ = state.apply(.key(.character("j")))
    #expect(screen(state).last == "fetching 1 page…")
  }

  @Test func thePagesTextReplacesTheSummaryInPlace() {
    var state = reader()
    _ = state.apply(.key(.character("p")))
    var full = Self.summary
    full.body = "The old bridge reopened on Friday after two years of repairs.\n\nIt cost 40 million euros."
    _ = state.apply(.pageFetched(handle: 0, .text(full)))
    #expect(state.pageFetches.isEmpty)
    #expect(state.screen == .reader(article: 0))
    let lines = screen(state)
    #expect(lines.contains { $0.contains("It cost 40 million euros.") })
    #expect(lines.last == "full text from news.example: 16 words (was 6)")
    #expect(state.library.article(0).body == full.body)
  }

  @Test func offlineAndUnusablePagesLeaveTheTextAndSayWhy() {
    var state = reader()
    _ = state.apply(.key(.character("p")))
    _ = state.apply(.pageFetched(handle: 0, .offline("could not connect: name resolution failed")))
    #expect(
      state.message
        == "offline: cannot reach news.example (could not connect: name resolution failed); the article keeps its text"
    )
    #expect(state.library.article(0).body == Self.summary.body)
    _ = state.apply(.key(.character("p")))
    _ = state.apply(.pageFetched(handle: 0, .kept("not an article: a list of links")))
    #expect(state.message == "news.example: not an article: a list of links; the article keeps its text")
    #expect(screen(state).contains { $0.contains("Only a summary") })
  }

  @Test func anArticleWithoutAWebLinkSaysSo() {
    var local = Self.summary
    local.url = nil
    var state = reader(local)
    #expect(state.apply(.key(.character("p"))) == [])
    #expect(state.message == "this article has no web link to fetch")
  }
}
