import ParallaxCore
import TerminalModel
import Testing

@testable import ParallaxApp

/// `o`: which command opens a link, how the link reaches it, and what the state does.
@Suite struct BrowserCommandTests {
  @Test func theConfigWinsOverBrowserAndBrowserListsGiveTheirFirst() {
    let env = ["BROWSER": "firefox:lynx"]
    #expect(
      BrowserCommand.resolve(configured: "w3m %u", mode: .terminal, environment: env)
        == BrowserCommand(words: ["w3m", "%u"], mode: .terminal))
    #expect(
      BrowserCommand.resolve(configured: nil, mode: .detach, environment: env)
        == BrowserCommand(words: ["firefox"], mode: .detach))
    #expect(BrowserCommand.resolve(configured: nil, mode: .terminal, environment: [:]) == nil)
    #expect(BrowserCommand.resolve(configured: nil, mode: .terminal, environment: ["BROWSER": ""]) == nil)
  }

  @Test func theLinkIsOneArgumentNeverShellText() {
    let url = "https://example.org/a?b=1&c=$(rm -rf ~);x"
    #expect(BrowserCommand(words: ["w3m", "%u"], mode: .terminal).arguments(for: url) == ["w3m", url])
    #expect(BrowserCommand(words: ["lynx"], mode: .terminal).arguments(for: url) == ["lynx", url])
    #expect(
      BrowserCommand(words: ["open", "--url=%s"], mode: .detach).arguments(for: "https://e.org")
        == ["open", "--url=https://e.org"])
  }

  @Test func commandsSplitLikeAShellWithoutExpansion() {
    #expect(BrowserCommand.split("w3m -o 'display charset=UTF-8' %u") == ["w3m", "-o", "display charset=UTF-8", "%u"])
    #expect(BrowserCommand.split(#"my\ browser "a \"b\"" $HOME"#) == ["my browser", #"a "b""#, "$HOME"])
    #expect(BrowserCommand.split("w3m 'open") == nil)
    #expect(BrowserCommand.split("   ") == [])
  }

  @Test func onlyWebLinksAreOpened() {
    #expect(BrowserCommand.isOpenable("https://example.org/a"))
    #expect(!BrowserCommand.isOpenable("file:///etc/passwd"))
    #expect(!BrowserCommand.isOpenable("-oProxyCommand=x"))
    #expect(!BrowserCommand.isOpenable("https://example.org/a b"))
    #expect(!BrowserCommand.isOpenable("https://example.org/\u{1B}[2J"))
  }

  @Test func oAsksToOpenTheLinkAndReadsTheStory() {
    var article = Article(id: "a", title: "Linked", body: "Body text.")
    article.url = "https://example.org/a"
    var state = AppState(
      articles: [article], stories: StoryGrouper().group([article]), width: 60, height: 8, theme: .monochrome)
    #expect(state.apply(.key(.character("o"))) == [.openLink("https://example.org/a")])
    #expect(state.library.isRead(0))
    _ = state.apply(.linkOpened("w3m exited with status 1"))
    #expect(Renderer.render(state).lines.last == "w3m exited with status 1")
  }

  @Test func articlesWithoutAWebLinkAreNotOpened() {
    var article = Article(id: "a", title: "Local", body: "Body text.")
    article.url = "javascript:alert(1)"
    var state = AppState(
      articles: [article], stories: StoryGrouper().group([article]), width: 60, height: 8, theme: .monochrome)
    #expect(state.apply(.key(.character("o"))) == [])
    #expect(state.message == "not a web link, not opened: javascript:alert(1)")
    article.url = nil
    state = AppState(
      articles: [article], stories: StoryGrouper().group([article]), width: 60, height: 8, theme: .monochrome)
    #expect(state.apply(.key(.character("o"))) == [])
    #expect(state.message == "no link to open")
  }

  @Test func theConfigReadsSyncSettingsBareOrQuoted() throws {
    let config = try Config(parsing: "sync-concurrency = 8\nsync-timeout = \"12.5\"\n")
    #expect(config.syncConcurrency == 8 && config.syncTimeout == 12.5)
    #expect(throws: Config.ParseError(line: 1, message: "sync-concurrency is a number of feeds from 1 to 64")) {
      try Config(parsing: "sync-concurrency = 0")
    }
  }

  @Test func theConfigReadsTheBrowserSettings() throws {
    let config = try Config(parsing: "browser = \"w3m -N %u\"\nbrowser-mode = \"detach\"\n[keys]\ndown = \"e\"\n")
    #expect(config.browser == "w3m -N %u")
    #expect(config.browserMode == .detach)
  }
}
