import Foundation
import ParallaxApp
import ParallaxCore
import ParallaxStore
import ParallaxTestSupport
import StoreLibrary
import TerminalModel
import Testing

/// The interface loop's handling of what background work posts, without a terminal.
@Suite struct InterfaceLoopTests {
  /// The session the loop keeps, behind a lock: background work posts from its own thread.
  final class Loop: @unchecked Sendable {
    let lock = NSLock()
    var session = InterfaceSession(state: AppState(articles: [], stories: [], width: 80, height: 12))
    var onFirstLibrary: ((inout InterfaceSession) -> Void)?

    func post(_ message: LoopMessage) {
      lock.withLock {
        let first = if case .loaded = message { true } else { false }
        _ = session.receive(message)
        if first, let act = onFirstLibrary {
          onFirstLibrary = nil
          act(&session)
        }
      }
    }
  }

  /// `parallax PATH...`: a user who opened a story while the import ran keeps it open when
  /// the import ends (it used to rebuild the state and throw them back to the list: review
  /// defect 3 of issue 24), and the import's input problems are kept for the exit.
  @Test func aBackgroundImportEndingLeavesTheUserWhereTheyAre() throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    try store.add(ArticleLoader().load([TestSupport.seeds.path]).articles)
    let folder = try TestSupport.temporaryDirectory()
    try "Talks resume\n\nDelegations met again in Istanbul on Friday.".write(
      to: folder.appendingPathComponent("new.txt"), atomically: true, encoding: .utf8)
    try Data([0, 1, 2, 0xFF, 0xFE, 0]).write(to: folder.appendingPathComponent("broken.txt"))
    let loop = Loop()
    var opened: AppState.Screen?
    loop.onFirstLibrary = { session in
      // The user opens the story under the cursor before the import ends.
      _ = session.state.apply(.key(.enter))
      opened = session.state.screen
    }
    OpenImport.run(paths: [folder.path], store: store, library: try StoreLibrary(store: store)) { loop.post($0) }
    let state = loop.lock.withLock { loop.session.state }
    #expect(opened != nil && opened != .list)
    #expect(state.screen == opened)
    #expect(loop.lock.withLock { loop.session.diagnostics.count } == 1)
    #expect(state.library.storyCount == 5)
  }

  /// On the untouched list, the import lands the cursor on what it imported.
  @Test func anUntouchedListLandsOnWhatWasImported() throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    try store.add(ArticleLoader().load([TestSupport.seeds.path]).articles)
    let folder = try TestSupport.temporaryDirectory()
    try "Zebra crossing redesign\n\nThe council unveiled striped zebra crossings on Tuesday.".write(
      to: folder.appendingPathComponent("zebra.txt"), atomically: true, encoding: .utf8)
    let loop = Loop()
    OpenImport.run(paths: [folder.path], store: store, library: try StoreLibrary(store: store)) { loop.post($0) }
    let state = loop.lock.withLock { loop.session.state }
    #expect(state.screen == .list)
    #expect(state.library.story(at: state.list.selected)?.title == "Zebra crossing redesign")
    #expect(state.message?.hasPrefix("imported: 1 new") == true)
  }

  /// A sync that finishes while the user reads an article leaves them reading it, says what
  /// it did, and shows the new stories when they go back.
  @Test func aSyncFinishingWhileReadingLeavesTheReaderOpen() throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    try store.add(ArticleLoader().load([TestSupport.seeds.path]).articles)
    var session = InterfaceSession(state: AppState(articles: [], stories: [], width: 80, height: 12))
    _ = session.receive(.loaded(try StoreLibrary(store: store), [], nil))
    let single = try #require(
      (0..<session.state.library.storyCount).first { session.state.library.story(at: $0)?.size == 1 })
    session.state.list.selected = single
    _ = session.state.apply(.key(.enter))
    guard case .reader = session.state.screen else {
      Issue.record("not reading: \(session.state.screen)")
      return
    }
    let reading = session.state.screen
    // Meanwhile the sync stores a new article and ends.
    try store.add([
      Article(id: "new", title: "Zebra crossings redesigned", body: "The council unveiled new zebra crossings.")
    ])
    _ = session.receive(.changed(nil))
    _ = session.receive(.event(.syncFinished("1 feeds: 1 new articles, in 0.1 s")))
    #expect(session.state.screen == reading)
    #expect(session.state.message == "1 feeds: 1 new articles, in 0.1 s")
    _ = session.state.apply(.key(.character("q")))
    #expect(session.state.screen == .list)
    #expect(session.state.library.storyCount == 5)
  }

  /// A page fetched with `p` that arrives after the user went back to the list is stored for
  /// its article, and the user stays where they are.
  @Test func aPageArrivingWhileTheUserIsElsewhereIsStoredWithoutMovingThem() throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    var summary = Article(id: "s", title: "Bridge reopens", body: "The bridge reopened.", source: "Wire")
    summary.url = "https://wire.example/bridge"
    try store.add([summary] + ArticleLoader().load([TestSupport.seeds.path]).articles)
    var session = InterfaceSession(state: AppState(articles: [], stories: [], width: 80, height: 12))
    _ = session.receive(.loaded(try StoreLibrary(store: store), [], nil))
    let row = try #require(store.allArticles().first { $0.inputID == "s" }?.rowID)
    session.state.list.selected = 0
    let listed = session.state.screen
    var full = summary
    full.body = "The old bridge reopened on Friday after eleven months of repairs costing 14 million euros."
    _ = session.receive(.event(.pageFetched(handle: Int(row), .text(full))))
    #expect(session.state.screen == listed)
    #expect(session.state.message?.hasPrefix("full text from wire.example") == true)
    #expect(try store.article(row)?.body.contains("eleven months") == true)
  }
}

/// A terminal that plays keys it is given and keeps what was drawn and copied.
final class ScriptedTerminal: TerminalDevice {
  var keys: [Key?] = []
  var frames: [Buffer] = []
  var copied: [String] = []
  var size: (width: Int, height: Int) = (80, 12)

  func readKey() -> Key? { keys.isEmpty ? nil : keys.removeFirst() }
  func draw(_ buffer: Buffer) { frames.append(buffer) }
  func invalidate() {}
  func hyperlink(_ url: String, text: String, x: Int, y: Int) {}
  func copyToClipboard(_ text: String) { copied.append(text) }
  func suspend() {}
  func resume() {}
}

/// The whole loop (``InterfaceLoop``), run a step at a time on a scripted terminal.
@Suite struct InterfaceLoopRunTests {
  func loop(_ terminal: ScriptedTerminal, _ inbox: LoopInbox, syncs: LockedCount) -> InterfaceLoop {
    let services = LoopServices(
      sync: { _, inbox in
        syncs.add()
        inbox.post(.event(.syncFinished("2 feeds: 0 new articles, in 0.1 s")))
      },
      fetchPage: { handle, _, inbox in inbox.post(.event(.pageFetched(handle: handle, .offline("no network")))) },
      browser: nil, openLink: { _, _, _ in nil })
    return InterfaceLoop(
      session: InterfaceSession(state: AppState(articles: [], stories: [], width: 80, height: 12)), terminal: terminal,
      inbox: inbox, services: services)
  }

  final class LockedCount: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.withLock { n += 1 } }
    var count: Int { lock.withLock { n } }
  }

  @Test func importEndingSyncFinishingAndKeysThroughTheLoop() throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    try store.add(ArticleLoader().load([TestSupport.seeds.path]).articles)
    let terminal = ScriptedTerminal()
    let inbox = LoopInbox()
    let syncs = LockedCount()
    var loop = loop(terminal, inbox, syncs: syncs)
    inbox.post(.loaded(try StoreLibrary(store: store), [], "importing 1 inputs…"))
    loop.step()
    #expect(loop.session.state.library.storyCount == 4)
    terminal.keys = [.enter]
    loop.step()
    let opened = loop.session.state.screen
    #expect(opened != .list)
    // The background import ends while the story is open.
    inbox.post(.problems([]))
    inbox.post(.changed("imported: 0 new, 5 already stored"))
    loop.step()
    #expect(loop.session.state.screen == opened)
    #expect(loop.session.state.message == "imported: 0 new, 5 already stored")
    // Back on the list, R syncs through the service, which reports its end.
    terminal.keys = [.character("q")]
    while loop.session.state.screen != .list { loop.step() }
    terminal.keys = [.character("R")]
    loop.step()
    loop.step()
    #expect(syncs.count == 1)
    #expect(loop.session.state.message == "2 feeds: 0 new articles, in 0.1 s")
    // Every frame was drawn at the terminal's size; q on the list quits with status 0.
    #expect(terminal.frames.allSatisfy { $0.width == 80 })
    terminal.keys = [.character("q")]
    #expect(loop.run() == 0)
  }
}
