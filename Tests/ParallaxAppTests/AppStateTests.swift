import Foundation
import ParallaxCore
import ParallaxTestSupport
import TerminalModel
import Testing

@testable import ParallaxApp

/// Builds states over the repository's seeds.
enum Seeds {
  static let folder = TestSupport.seeds

  static func state(width: Int = 80, height: Int = 12, theme: Theme = .monochrome) -> AppState {
    let articles = ArticleLoader().load([folder.path]).articles
    return AppState(
      articles: articles, stories: StoryGrouper().group(articles), width: width, height: height, theme: theme)
  }

  /// Runs keys; compare effects are carried out at once, as the runner does in the background.
  static func press(_ keys: [Key], on state: inout AppState) {
    for key in keys {
      for effect in state.apply(.key(key)) {
        if case .compare(let l, let r) = effect {
          let result = Comparator().compare(state.library.article(l), state.library.article(r))
          _ = state.apply(.comparisonReady(result, left: l, right: r))
        }
      }
    }
  }

  static func type(_ text: String) -> [Key] { text.map { .character($0) } }
}

@Suite struct AppStateTests {
  @Test func theStoryListShowsEachStoryOnceWithItsVersionCount() {
    let buffer = Renderer.render(Seeds.state(width: 80, height: 8))
    #expect(
      buffer.lines == [
        "Parallax — 4 stories, 5 articles",
        "●   2 Russia and Ukraine to Hold Peace Talks in Istanbul",
        "●   1 Ukraine and Russia Set for Peace Talks: What’s Next in the Ongoing Confli…",
        "●   1 Diplomatic Push: Ukraine and Russia to Resume Talks",
        "●   1 Pivotal Negotiations: Russia and Ukraine Set for Direct Talks",
        "",
        "",
        "Enter open  c compare  / search  f feeds  R reload-all  ? help  q quit",
      ])
  }

  @Test func enterOnAStoryWithVersionsListsThemAndEnterAgainOpensTheReader() {
    var state = Seeds.state()
    Seeds.press([.enter], on: &state)
    #expect(state.screen == .versions(story: 0))
    Seeds.press([.enter], on: &state)
    guard case .reader(let article) = state.screen else {
      Issue.record("not in the reader")
      return
    }
    #expect(state.library.article(article).id.hasPrefix("003"))
    let lines = Renderer.render(state).lines
    #expect(lines[0] == " Russia and Ukraine to Hold Peace Talks in Istanbul")
    #expect(state.library.isRead(article))
    Seeds.press([.character("q"), .character("q")], on: &state)
    #expect(state.screen == .list)
  }

  @Test func compareShowsBothVersionsWithTheBorderInOneColumn() {
    var state = Seeds.state(width: 120, height: 40)
    Seeds.press([.character("c")], on: &state)
    #expect(state.screen == .comparison)
    let buffer = Renderer.render(state)
    let lines = buffer.lines
    #expect(lines[0].contains("Russia and Ukraine to Hold Peace Talks in Istanbul"))
    #expect(lines[0].contains("Russia and Ukraine Resume Peace Talks"))
    let borderColumns = Set(
      (0..<buffer.height - 1).compactMap { y in (0..<buffer.width).first { buffer[$0, y].text == "│" } })
    #expect(borderColumns.count == 1)
    Seeds.press([.character("/")] + Seeds.type("Varachyne") + [.enter], on: &state)
    let found = Renderer.render(state).lines
    #expect(found[1].contains("Varachyne"))
  }

  @Test func theBorderStaysPutAfterAResizeAndNarrowScreensShowOnePane() {
    var state = Seeds.state(width: 130, height: 30)
    Seeds.press([.character("c")], on: &state)
    _ = state.apply(.resize(width: 104, height: 20))
    let buffer = Renderer.render(state)
    let columns = Set(
      (1..<buffer.height - 1).compactMap { y in (0..<buffer.width).first { buffer[$0, y].text == "│" } })
    #expect(columns.count == 1)
    _ = state.apply(.resize(width: 60, height: 20))
    #expect(!Renderer.render(state).lines.contains { $0.contains("│") })
    #expect(Renderer.render(state).lines[0].hasPrefix("[left]"))
    Seeds.press([.tab], on: &state)
    #expect(Renderer.render(state).lines[0].hasPrefix("[right]"))
  }

  @Test func differencesCanBeJumpedBetween() {
    var state = Seeds.state(width: 120, height: 20)
    Seeds.press([.character("c")], on: &state)
    Seeds.press([.character("]")], on: &state)
    let first = state.comparison!.scroll
    Seeds.press([.character("]")], on: &state)
    #expect(state.comparison!.scroll > first)
    Seeds.press([.character("[")], on: &state)
    #expect(state.comparison!.scroll == first)
  }

  @Test func searchInTheListMovesTheSelection() {
    var state = Seeds.state()
    Seeds.press([.character("/")] + Seeds.type("yalta") + [.enter], on: &state)
    #expect(state.library.story(at: state.list.selected)?.title.hasPrefix("Pivotal") == true)
    Seeds.press([.character("/")] + Seeds.type("no such words") + [.enter], on: &state)
    #expect(state.message == "not found: no such words")
  }

  @Test func helpListsEveryActionFromTheTable() {
    // Wide enough for the longest line (the filter's); narrower screens clip at the edge.
    var state = Seeds.state(width: 120, height: 60)
    Seeds.press([.character("?")], on: &state)
    let text = Renderer.render(state).lines.joined(separator: "\n")
    for spec in ActionTable.specs { #expect(text.contains(spec.help), "\(spec.action) missing from help") }
  }

  @Test func aTinyTerminalGetsAClearMessage() {
    let lines = Renderer.render(Seeds.state(width: 10, height: 4)).lines
    #expect(lines[0] == "terminal t")
    #expect(Renderer.render(Seeds.state(width: 20, height: 6)).lines[0].hasPrefix("Parallax"))
  }

  @Test func qOnTheStoryListQuits() {
    var state = Seeds.state()
    #expect(state.apply(.key(.character("q"))) == [.quit])
  }

  @Test(arguments: Action.allCases)
  func everyActionIsSafeOnEveryScreen(action: Action) {
    for setup in [
      [], [Key.enter], [Key.enter, .enter], [Key.character("c")], [Key.character("?")], [Key.character("f")],
      [Key.character("f"), .enter], [Key.character("L")], [Key.character("F")] + Seeds.type("talks") + [.enter],
    ] {
      var state = Seeds.state(width: 90, height: 10)
      Seeds.press(setup, on: &state)
      let screens = state.screens.count
      let effects = state.apply(action)
      let buffer = Renderer.render(state)
      // The frame fills the screen and ends with the status line, the selection stays on a
      // story (or on the first row of an empty filtered list), and the screen stack moves by at most one (nothing is lost or duplicated).
      #expect(buffer.lines.count == 10, "\(action) after \(setup)")
      #expect(!buffer.lines[9].isEmpty, "\(action) after \(setup): the status line is drawn")
      #expect(
        (0..<max(1, state.library.storyCount)).contains(state.list.selected), "\(action) after \(setup)")
      #expect(abs(state.screens.count - screens) <= 1, "\(action) after \(setup)")
      #expect(!state.screens.isEmpty || effects.contains(.quit), "\(action) after \(setup)")
    }
  }

  @Test func everyDefaultKeyDispatchesToItsAction() {
    let keymap = Keymap()
    for spec in ActionTable.specs {
      for key in spec.keys {
        for screen in spec.screens { #expect(keymap.action(for: key, on: screen) == spec.action) }
      }
    }
  }

  @Test func hostileArticleTextNeverReachesTheBufferAsControls() {
    let hostile = Article(
      id: "evil", title: "Evil \u{1B}]0;owned\u{07} title",
      body: "Clear \u{1B}[2J screen, clipboard \u{1B}]52;c;ZXZpbA==\u{07}, C1 \u{9B}31m and \u{9D}8;;x\u{9C} link.")
    var other = hostile
    other.id = "evil-2"
    other.body += " And \u{1B}[31mmore\u{1B}[0m."
    var state = AppState(
      articles: [hostile, other], stories: StoryGrouper().group([hostile, other]), width: 100, height: 20)
    var buffers = [Renderer.render(state)]
    Seeds.press([.enter], on: &state)
    buffers.append(Renderer.render(state))
    Seeds.press([.enter], on: &state)
    buffers.append(Renderer.render(state))
    Seeds.press([.character("q"), .character("c")], on: &state)
    #expect(state.screen == .comparison)
    buffers.append(Renderer.render(state))
    for buffer in buffers {
      #expect(
        !buffer.cells.contains {
          $0.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
        })
    }
  }
}

@Suite struct MouseAndLinkTests {
  @Test func aClickSelectsARowAndASecondClickOpensIt() {
    var state = Seeds.state()
    Seeds.press([.click(x: 5, y: 3)], on: &state)
    #expect(state.list.selected == 2)
    Seeds.press([.click(x: 5, y: 3)], on: &state)
    guard case .reader = state.screen else {
      Issue.record("second click did not open")
      return
    }
  }

  @Test func theWheelScrolls() {
    var state = Seeds.state()
    Seeds.press([.wheelDown], on: &state)
    #expect(state.list.selected == 3)
    Seeds.press([.wheelUp], on: &state)
    #expect(state.list.selected == 0)
  }

  @Test func yCopiesTheLinkThroughAnEffect() {
    var article = Article(id: "a", title: "T", body: "Body.")
    article.url = "https://example.com/story"
    var state = AppState(articles: [article], stories: StoryGrouper().group([article]), width: 80, height: 10)
    #expect(state.apply(.key(.character("y"))) == [.copy("https://example.com/story")])
    var seeds = Seeds.state()
    #expect(seeds.apply(.key(.character("y"))) == [])
    #expect(seeds.message == "no link to copy")
  }
}

@Suite struct PictureTests {
  @Test func theReaderWrapsCJKAndEmojiInDisplayColumns() {
    let article = Article(
      id: "x", title: "東京で会議 🇯🇵 Talks", body: "日本語の記事です。これは長い段落です。 Café 👨‍👩‍👧 family.", source: "NHK",
      published: "2024-05-01T10:00:00Z")
    var state = AppState(
      articles: [article], stories: StoryGrouper().group([article]), width: 24, height: 8, theme: .monochrome)
    Seeds.press([.enter], on: &state)
    #expect(
      Renderer.render(state).lines == [
        " 東京で会議 🇯🇵 Talks",
        " NHK ·",
        " 2024-05-01T10:00:00Z",
        "",
        " 日本語の記事です。これ",
        " は長い段落です。 Café",
        " 👨‍👩‍👧 family.",
        "J next-article  K previo",
      ])
  }

  @Test func aNarrowComparisonShowsOnePaneAtFullWidth() {
    let a = Article(
      id: "a", title: "Storm cuts power", body: "The storm cut power to 48,000 homes in the north on Monday.")
    let b = Article(
      id: "b", title: "Storm cuts power", body: "The storm cut power to 48,000 homes in the north late on Monday.")
    var state = AppState(
      articles: [a, b], stories: StoryGrouper().group([a, b]), width: 40, height: 8, theme: .plainText)
    Seeds.press([.character("c")], on: &state)
    #expect(
      Array(Renderer.render(state).lines.prefix(4)) == [
        "[left] Storm cuts power",
        "~ The storm cut power to 48,000 homes in",
        "  the north on Monday.",
        "",
      ])
    Seeds.press([.tab], on: &state)
    #expect(
      Array(Renderer.render(state).lines.prefix(3)) == [
        "[right] Storm cuts power", "~ The storm cut power to 48,000 homes in", "  the north {+late+} on Monday.",
      ])
  }
}

@Suite struct MorePictureTests {
  @Test func theVersionsScreen() {
    var state = Seeds.state(width: 70, height: 6)
    Seeds.press([.enter, .character("m")], on: &state)
    #expect(
      Renderer.render(state).lines == [
        "Russia and Ukraine to Hold Peace Talks in Istanbul — 2 versions",
        "●*  003_a8b5cb1c08fb… first          Russia and Ukraine to Hold Peace…",
        "●   004_23ba3fd99078… +6 facts −14   Russia and Ukraine Resume Peace …",
        "",
        "",
        "Enter open  m mark  c compare  q back",
      ])
  }

  @Test func theHelpScreenTop() {
    var state = Seeds.state(width: 60, height: 6)
    Seeds.press([.character("?")], on: &state)
    #expect(
      Renderer.render(state).lines == [
        "Keys",
        "",
        "  j, Down          move down  (everywhere)",
        "  k, Up            move up  (everywhere)",
        "  Space, PageDown  page down  (everywhere)",
        "q back",
      ])
  }

  @Test func theSmallestUsableScreen() {
    #expect(
      Renderer.render(Seeds.state(width: 20, height: 6)).lines == [
        "Parallax — 4 stories",
        "●   2 Russia and Uk…",
        "●   1 Ukraine and R…",
        "●   1 Diplomatic Pu…",
        "●   1 Pivotal Negot…",
        "Enter open  c compar",
      ])
  }
}
