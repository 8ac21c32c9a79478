import CursesBackend
import Dispatch
import Foundation
import ParallaxApp
import ParallaxCLI
import ParallaxCore
import ParallaxStore
import ParallaxSync
import TerminalModel

/// The full-screen interface: the event loop that connects the curses backend, the pure app
/// state (``InterfaceSession``) and the background work (reading, grouping, comparing).
enum Interface {
  typealias Message = LoopMessage

  /// A lock-protected mailbox the loop drains between key polls.
  final class Inbox: @unchecked Sendable {
    private var messages: [Message] = []
    private var signalled: Int32 = 0
    private let lock = NSLock()

    func post(_ message: Message) {
      lock.lock()
      messages.append(message)
      lock.unlock()
    }

    func drain() -> [Message] {
      lock.lock()
      defer { lock.unlock() }
      let out = messages
      messages = []
      return out
    }

    func signal(_ number: Int32) {
      lock.lock()
      signalled = number
      lock.unlock()
    }

    var signal: Int32 {
      lock.lock()
      defer { lock.unlock() }
      return signalled
    }
  }

  /// A problem in the config file, reported before the screen is taken over.
  struct ConfigError: Error, CustomStringConvertible {
    var description: String
  }

  /// `$XDG_CONFIG_HOME/parallax/config.toml` (default `~/.config/parallax/config.toml`).
  static var configPath: String {
    let base = UserDirectories().configHome
    return (base as NSString).appendingPathComponent("parallax/config.toml")
  }

  /// The user's config, or the defaults when there is no file.
  static func loadConfig() throws -> Config {
    let path = configPath
    guard FileManager.default.fileExists(atPath: path) else { return Config() }
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      throw ConfigError(description: "\(path): cannot be read as UTF-8 text")
    }
    do {
      return try Config(parsing: text)
    } catch let error as Config.ParseError {
      throw ConfigError(description: "\(path):\(error.line): \(error.message)")
    }
  }

  /// Runs the interface; `work` runs in the background and posts the library (and later
  /// changes) to the loop. Returns the exit status.
  static func run(
    startMessage: String = "reading and grouping…", store: Store? = nil,
    work: @escaping @Sendable (_ post: @escaping @Sendable (Message) -> Void) -> Void
  ) throws -> Int32 {
    let config = try loadConfig()
    let terminal = try CursesTerminal()
    let inbox = Inbox()
    var sources: [DispatchSourceSignal] = []
    for number in [SIGINT, SIGTERM, SIGHUP] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { inbox.signal(number) }
      source.resume()
      sources.append(source)
    }
    var session = InterfaceSession(state: AppState(articles: [], stories: [], width: 80, height: 24))
    var pendingLog: [String] = []
    defer {
      // Read state handed to the background while a sync was grouping is stored first.
      session.state.library.finishWrites()
      terminal.stop()
      Terminal.report(session.diagnostics)
      for line in pendingLog { Terminal.error("parallax: " + line) }
    }
    let theme: Theme = terminal.colour ? config.theme : .monochrome
    var (width, height) = terminal.size
    session.state = AppState(
      articles: [], stories: [], width: width, height: height, theme: theme, keymap: config.keymap)
    session.state.message = startMessage
    DispatchQueue.global().async { work { inbox.post($0) } }
    var firstFrameLogged = false
    var idleTicks = 0
    let hyperlinks = CursesTerminal.supportsHyperlinks(ProcessInfo.processInfo.environment)
    /// A link shown in the status line (no browser): the message, the link, its column.
    var statusLink: (message: String, url: String, x: Int)?
    while !session.state.quit {
      var frame = Renderer.render(session.state)
      // A read that failed while drawing is said at once, in the status line.
      if session.state.takeLibraryProblems() { frame = Renderer.render(session.state) }
      terminal.draw(frame)
      if hyperlinks, case .reader(let handle) = session.state.screen,
        case let article = session.state.library.article(handle),
        let url = article.url,
        let row = ReaderView.linkLine(article, width: session.state.width, theme: session.state.theme),
        row >= session.state.readerScroll, row - session.state.readerScroll < session.state.height - 1
      {
        let shown = ReaderView.lines(article, width: session.state.width, theme: session.state.theme)[row]
        terminal.hyperlink(url, text: shown.map(\.text).joined(), x: 1, y: row - session.state.readerScroll)
      }
      if let link = statusLink {
        if session.state.message == link.message, link.x + DisplayWidth.of(link.url) <= session.state.width {
          terminal.hyperlink(link.url, text: link.url, x: link.x, y: session.state.height - 1)
        } else if session.state.message != link.message {
          statusLink = nil
        }
      }
      if !firstFrameLogged && session.state.library.storyCount > 0 {
        firstFrameLogged = true
        FirstFrame.log()
      }
      var effects: [Effect] = []
      if let key = terminal.readKey() {
        if key == .resize {
          (width, height) = terminal.size
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
      for effect in effects {
        switch effect {
        case .quit:
          session.state.quit = true
        case .copy(let text):
          terminal.copyToClipboard(text)
        case .sync(let only):
          guard let store else {
            effects += session.state.apply(.syncFinished("nothing to sync: --no-store reads the given files only"))
            continue
          }
          Task.detached {
            let lines = SyncLines()
            let printer = SyncRun.Printer(
              output: { line in
                lines.add(line)
                inbox.post(.event(.syncReport(line)))
              },
              error: { line in
                let text = line.hasPrefix("parallax: ") ? String(line.dropFirst(10)) : line
                lines.add(text)
                inbox.post(.event(.syncReport(text)))
              },
              progress: { done, total in inbox.post(.event(.syncProgress(done: done, total: total))) })
            var run = SyncRun(settings: SyncSettings(config: config))
            run.only = only.map(Set.init)
            do {
              _ = try await run.run(store, printer: printer)
              inbox.post(.event(.syncFinished(lines.summary)))
            } catch {
              let problem = (error as? Importer.Failure)?.problem ?? StoreProblem(error, path: store.path)
              inbox.post(.event(.syncFinished("sync failed: \(problem)")))
            }
          }
        case .openLink(let url):
          let command = BrowserCommand.resolve(
            configured: config.browser, mode: config.browserMode, environment: ProcessInfo.processInfo.environment)
          guard let command else {
            terminal.copyToClipboard(url)
            let note = "no browser set (browser in config.toml, or $BROWSER); link copied: "
            session.state.message = note + url
            statusLink = (session.state.message!, url, DisplayWidth.of(note))
            continue
          }
          if command.mode == .terminal { terminal.suspend() }
          let outcome = BrowserRun.run(command, url: url) { note in inbox.post(.event(.linkOpened(note))) }
          if command.mode == .terminal {
            terminal.resume()
            (width, height) = terminal.size
            effects += session.state.apply(.resize(width: width, height: height))
          }
          if let outcome { session.state.message = outcome }
        case .fetchPage(let handle, _):
          let article = session.state.library.article(handle)
          let settings = SyncSettings(config: config)
          Task.detached {
            let result: PageFetch
            switch await FullPage.fetch(article, settings: settings) {
            case .adopted(let full): result = .text(full)
            case .failed(let message, unreachable: true): result = .offline(message)
            case let other: result = .kept(other.reason ?? "not used")
            }
            inbox.post(.event(.pageFetched(handle: handle, result)))
          }
        case .compare(let l, let r):
          let (a, b) = (session.state.library.article(l), session.state.library.article(r))
          DispatchQueue.global().async {
            inbox.post(.event(.comparisonReady(Comparator().compare(a, b), left: l, right: r)))
          }
        }
      }
      if inbox.signal != 0 { return 128 + inbox.signal }
    }
    _ = sources
    session.state.takeLibraryProblems()
    pendingLog = session.state.log
    return session.diagnostics.contains { $0.severity == .skipped } ? 1 : 0
  }
}

/// The lines of one sync in the interface, to name its outcome when it ends.
final class SyncLines: @unchecked Sendable {
  private let lock = NSLock()
  private var lines: [String] = []

  func add(_ line: String) { lock.withLock { lines.append(line) } }

  /// The summary `parallax sync` prints last ("12 feeds: 34 new articles, 1 failed, in 2.1
  /// s"), else the last line (no subscriptions, another sync running).
  var summary: String {
    lock.withLock {
      lines.last { $0.contains(" feeds: ") && $0.contains(" new articles") } ?? lines.last ?? "sync done"
    }
  }
}
