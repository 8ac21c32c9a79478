import ParallaxCore
import ParallaxTestSupport
import TerminalModel
import Testing

@testable import ParallaxApp

@Suite struct ConfigTests {
  @Test func keysAreReboundAndColoursSet() throws {
    let config = try Config(
      parsing: """
        # my settings
        [keys]
        down = ["e", "Down"]   # Colemak
        compare = "C"

        [colors]
        deleted = "bright-red"
        inserted = "33"
        """)
    #expect(config.keymap.action(for: .character("e"), on: .list) == .down)
    #expect(config.keymap.action(for: .character("j"), on: .list) == nil)
    #expect(config.keymap.action(for: .character("C"), on: .versions) == .compare)
    #expect(config.keymap.action(for: .character("k"), on: .list) == .up)
    #expect(config.theme.deleted.foreground == 9)
    #expect(config.theme.inserted.foreground == 33)
  }

  @Test(arguments: [
    ("[keys]\nfly = \"f\"", 2, "unknown action \"fly\""),
    ("[keys]\n\ndown = \"Ctrl-Q\"", 3, "unknown key \"Ctrl-Q\" for down"),
    ("[keyz]", 1, "unknown table [keyz]"),
    (
      "down = \"j\"", 1,
      "unknown setting \"down\" (known before any table: browser, browser-mode, sync-concurrency, sync-timeout, list; key bindings go in [keys], colours in [colors], a reader server in [server])"
    ),
    ("browser-mode = \"tab\"", 1, "browser-mode is \"terminal\" or \"detach\", not \"tab\""),
    ("browser = \"w3m 'unclosed\"", 1, "browser: an empty command or an unclosed quote"),
    ("[keys]\ndown = j", 2, "expected a quoted string"),
    ("[colors]\ndeleted = \"mauve\"", 2, "is not a colour"),
    ("[colors]\nbackground = \"red\"", 2, "unknown colour setting"),
    ("[keys]\ndown = \"j\"\ndown = \"J\"", 3, "bound twice"),
    ("[keys]\nhelp = \"j\"", 2, "key j is bound to both down and help"),
    ("list = \"flat\"", 1, "list is \"threads\" or \"reports\", not \"flat\""),
  ])
  func problemsNameTheirLine(text: String, line: Int, message: String) {
    do {
      _ = try Config(parsing: text)
      Issue.record("accepted: \(text)")
    } catch let error as Config.ParseError {
      #expect(error.line == line)
      #expect(error.message.contains(message), "\(error)")
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func theListStartsWithThreadsUnlessTheConfigSaysReports() throws {
    #expect(Config().listThreads)
    #expect(try Config(parsing: "list = \"reports\"").listThreads == false)
    let seeds = ArticleLoader().load([TestSupport.seeds.path]).articles
    let stories = StoryGrouper().group(seeds)
    let threads = AppState(articles: seeds, stories: stories, width: 80, height: 20, startsWithThreads: true)
    #expect(threads.library.filter.threads)
    #expect(threads.library.storyCount == 1)
    let reports = AppState(articles: seeds, stories: stories, width: 80, height: 20, startsWithThreads: false)
    #expect(reports.library.storyCount == 4)
  }
}
