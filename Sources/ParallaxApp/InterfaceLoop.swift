import Foundation
import ParallaxCore
import Synchronization
import TerminalModel

/// What the interface loop needs of a terminal: the curses backend in the program, a
/// scripted terminal in tests.
public protocol TerminalDevice: AnyObject {
  /// Columns and lines.
  var size: (width: Int, height: Int) { get }
  /// The next key, or nil when none came within the poll interval.
  func readKey() -> Key?
  /// Shows a frame (only what changed since the last).
  func draw(_ buffer: Buffer)
  /// Forgets what is on screen: the next frame is drawn whole.
  func invalidate()
  /// Makes text already drawn at a cell a hyperlink (OSC 8).
  func hyperlink(_ url: String, text: String, x: Int, y: Int)
  /// Puts text on the clipboard (OSC 52).
  func copyToClipboard(_ text: String)
  /// Gives the terminal to another program, and takes it back.
  func suspend()
  func resume()
}

/// A lock-protected mailbox the loop drains between key polls: background work posts to it
/// from any thread, and a signal handler sets its signal number.
public final class LoopInbox: Sendable {
  private struct State {
    var messages: [LoopMessage] = []
    var signalled: Int32 = 0
  }
  private let state = Mutex(State())

  public init() {}

  public func post(_ message: LoopMessage) { state.withLock { $0.messages.append(message) } }

  public func drain() -> [LoopMessage] {
    state.withLock { state in
      defer { state.messages = [] }
      return state.messages
    }
  }

  public func signal(_ number: Int32) { state.withLock { $0.signalled = number } }

  public var signal: Int32 { state.withLock { $0.signalled } }
}

/// Work the loop hands to other layers (sync, pages, browsers), each posting its outcome to
/// the inbox as events when done; nil services say why there is nothing to do.
public struct LoopServices: @unchecked Sendable {
  /// Syncs every feed (or `only` those), posting `.syncReport`, `.syncProgress` and, last,
  /// `.syncFinished`; nil without a store.
  public var sync: ((_ only: [String]?, _ inbox: LoopInbox) -> Void)?
  /// Fetches an article's page, posting `.pageFetched` when done.
  public var fetchPage: (_ handle: Int, _ article: Article, _ inbox: LoopInbox) -> Void
  /// The browser to open links with; nil copies the link instead and says so.
  public var browser: BrowserCommand?
  /// Runs the browser on a link; returns a line for the status line, if any.
  public var openLink: (_ command: BrowserCommand, _ url: String, _ inbox: LoopInbox) -> String?
  /// Called once, when the first frame with stories has been drawn.
  public var firstFrame: () -> Void = {}

  public init(
    sync: ((_ only: [String]?, _ inbox: LoopInbox) -> Void)?,
    fetchPage: @escaping (_ handle: Int, _ article: Article, _ inbox: LoopInbox) -> Void,
    browser: BrowserCommand?,
    openLink: @escaping (_ command: BrowserCommand, _ url: String, _ inbox: LoopInbox) -> String?,
    firstFrame: @escaping () -> Void = {}
  ) {
    self.sync = sync
    self.fetchPage = fetchPage
    self.browser = browser
    self.openLink = openLink
    self.firstFrame = firstFrame
  }
}

/// The interface's event loop, terminal and services given: draws the state, reads keys,
/// drains what background work posted (``InterfaceSession``), runs the effects the state
/// asks for, looks for changes by other processes every two seconds of idleness, and stops
/// on quit or a signal. Tested with a scripted terminal; the program runs it on curses.
public struct InterfaceLoop {
  public var session: InterfaceSession
  let terminal: any TerminalDevice
  let inbox: LoopInbox
  let services: LoopServices
  /// Whether the terminal shows OSC 8 hyperlinks (the reader's link is made one).
  let hyperlinks: Bool
  /// A link shown in the status line (no browser): the message, the link, its column.
  var statusLink: (message: String, url: String, x: Int)?
  var firstFrameLogged = false
  var idleTicks = 0

  public init(
    session: InterfaceSession, terminal: any TerminalDevice, inbox: LoopInbox, services: LoopServices,
    hyperlinks: Bool = false
  ) {
    self.session = session
    self.terminal = terminal
    self.inbox = inbox
    self.services = services
    self.hyperlinks = hyperlinks
  }

  /// Runs until quit (0, or 1 when an input was skipped) or a signal (128 + its number).
  public mutating func run() -> Int32 {
    while !session.state.quit {
      step()
      if inbox.signal != 0 { return 128 + inbox.signal }
    }
    return session.diagnostics.contains { $0.severity == .skipped } ? 1 : 0
  }

  /// One turn: draw, read a key (or idle), drain the inbox, run the effects.
  public mutating func step() {
    draw()
    var effects: [Effect] = []
    if let key = terminal.readKey() {
      if key == .resize {
        let (width, height) = terminal.size
        terminal.invalidate()
        effects += session.state.apply(.resize(width: width, height: height))
      } else {
        effects += session.state.apply(.key(key))
      }
      idleTicks = 0
    } else {
      idleTicks += 1
      // Another process may have imported or synced: look every two seconds of idleness.
      if idleTicks % 40 == 0, session.state.screen == .list, session.state.library.refresh() {
        session.state.libraryChanged()
      }
    }
    for message in inbox.drain() { effects += session.receive(message) }
    var k = 0
    while k < effects.count {
      effects += run(effects[k])
      k += 1
    }
  }

  mutating func draw() {
    var frame = Renderer.render(session.state)
    // A read that failed while drawing is said at once, in the status line.
    if session.state.takeLibraryProblems() { frame = Renderer.render(session.state) }
    terminal.draw(frame)
    let state = session.state
    if hyperlinks, case .reader(let handle) = state.screen, case let article = state.library.article(handle),
      let url = article.url, let row = ReaderView.linkLine(article, width: state.width, theme: state.theme),
      row >= state.readerScroll, row - state.readerScroll < state.height - 1
    {
      let shown = ReaderView.lines(article, width: state.width, theme: state.theme)[row]
      terminal.hyperlink(url, text: shown.map(\.text).joined(), x: 1, y: row - state.readerScroll)
    }
    if let link = statusLink {
      if state.message == link.message, link.x + DisplayWidth.of(link.url) <= state.width {
        terminal.hyperlink(link.url, text: link.url, x: link.x, y: state.height - 1)
      } else if state.message != link.message {
        statusLink = nil
      }
    }
    if !firstFrameLogged && state.library.storyCount > 0 {
      firstFrameLogged = true
      services.firstFrame()
    }
  }

  /// Runs one effect; returns the effects its outcome asks for.
  mutating func run(_ effect: Effect) -> [Effect] {
    switch effect {
    case .quit:
      session.state.quit = true
    case .copy(let text):
      terminal.copyToClipboard(text)
    case .sync(let only):
      guard let sync = services.sync else {
        return session.state.apply(.syncFinished("nothing to sync: --no-store reads the given files only"))
      }
      sync(only, inbox)
    case .openLink(let url):
      guard let command = services.browser else {
        terminal.copyToClipboard(url)
        let note = "no browser set (browser in config.toml, or $BROWSER); link copied: "
        session.state.message = note + url
        statusLink = (note + url, url, DisplayWidth.of(note))
        return []
      }
      if command.mode == .terminal { terminal.suspend() }
      let outcome = services.openLink(command, url, inbox)
      var effects: [Effect] = []
      if command.mode == .terminal {
        terminal.resume()
        let (width, height) = terminal.size
        effects = session.state.apply(.resize(width: width, height: height))
      }
      if let outcome { session.state.message = outcome }
      return effects
    case .fetchPage(let handle, _):
      services.fetchPage(handle, session.state.library.article(handle), inbox)
    case .compare(let l, let r):
      let (a, b) = (session.state.library.article(l), session.state.library.article(r))
      let inbox = self.inbox
      DispatchQueue.global().async {
        inbox.post(.event(.comparisonReady(Comparator().compare(a, b), left: l, right: r)))
      }
    }
    return []
  }
}
