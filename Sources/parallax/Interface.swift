import CursesBackend
import Dispatch
import Foundation
import ParallaxApp
import ParallaxCLI
import ParallaxCore
import ParallaxStore
import ParallaxSync
import Synchronization
import TerminalModel

/// The full-screen interface: the event loop that connects the curses backend, the pure app
/// state (``InterfaceSession``) and the background work (reading, grouping, comparing).
enum Interface {
  typealias Message = LoopMessage

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
  /// changes) to the loop. Returns the exit status. The loop itself is ``InterfaceLoop``
  /// (ParallaxApp); this wires curses, signals and the services (sync, pages, browser).
  static func run(
    startMessage: String = "reading and grouping…", store: Store? = nil,
    work: @escaping @Sendable (_ post: @escaping @Sendable (Message) -> Void) -> Void
  ) throws -> Int32 {
    let config = try loadConfig()
    let terminal = try CursesTerminal()
    let inbox = LoopInbox()
    var sources: [DispatchSourceSignal] = []
    for number in [SIGINT, SIGTERM, SIGHUP] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { inbox.signal(number) }
      source.resume()
      sources.append(source)
    }
    let theme: Theme = terminal.colour ? config.theme : .monochrome
    let (width, height) = terminal.size
    var session = InterfaceSession(
      state: AppState(
        articles: [], stories: [], width: width, height: height, theme: theme, keymap: config.keymap,
        startsWithThreads: config.listThreads))
    session.state.message = startMessage
    let settings = SyncSettings(config: config)
    let services = LoopServices(
      sync: store.map { store in
        { only, inbox in Self.sync(store, only: only, settings: settings, config: config, inbox: inbox) }
      },
      fetchPage: { handle, article, inbox in
        Task.detached {
          let result: PageFetch
          switch await FullPage.fetch(article, settings: settings) {
          case .adopted(let full): result = .text(full)
          case .failed(let message, unreachable: true): result = .offline(message)
          case let other: result = .kept(other.reason ?? "not used")
          }
          inbox.post(.event(.pageFetched(handle: handle, result)))
        }
      },
      browser: BrowserCommand.resolve(
        configured: config.browser, mode: config.browserMode, environment: ProcessInfo.processInfo.environment),
      openLink: { command, url, inbox in
        BrowserRun.run(command, url: url) { note in inbox.post(.event(.linkOpened(note))) }
      },
      firstFrame: { FirstFrame.log() })
    DispatchQueue.global().async { work { inbox.post($0) } }
    var loop = InterfaceLoop(
      session: session, terminal: terminal, inbox: inbox, services: services,
      hyperlinks: CursesTerminal.supportsHyperlinks(ProcessInfo.processInfo.environment))
    let status = loop.run()
    _ = sources
    // Read state handed to the background while a sync was grouping is stored first.
    loop.session.state.library.finishWrites()
    loop.session.state.takeLibraryProblems()
    terminal.stop()
    Terminal.report(loop.session.diagnostics)
    for line in loop.session.state.log { Terminal.error("parallax: " + line) }
    return status
  }

  /// `R`: the sync `parallax sync` runs, reporting to the loop as it goes.
  static func sync(_ store: Store, only: [String]?, settings: SyncSettings, config: Config, inbox: LoopInbox) {
    Task.detached {
      var settings = settings
      do {
        try settings.readServer(config, store: store) { inbox.post(.event(.syncReport("warning: " + $0))) }
      } catch {
        inbox.post(.event(.syncFinished("sync failed: \(error)")))
        return
      }
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
      var run = SyncRun(settings: settings)
      run.only = only.map(Set.init)
      do {
        _ = try await run.run(store, printer: printer)
        inbox.post(.event(.syncFinished(lines.summary)))
      } catch {
        let problem = (error as? Importer.Failure)?.problem ?? StoreProblem(error, path: store.path)
        inbox.post(.event(.syncFinished("sync failed: \(problem)")))
      }
    }
  }
}

/// The curses terminal is the loop's terminal.
extension CursesTerminal: TerminalDevice {}

/// The lines of one sync in the interface, to name its outcome when it ends.
final class SyncLines: Sendable {
  private let lines = Mutex<[String]>([])

  func add(_ line: String) { lines.withLock { $0.append(line) } }

  /// The summary `parallax sync` prints last ("12 feeds: 34 new articles, 1 failed, in 2.1
  /// s"), else the last line (no subscriptions, another sync running).
  var summary: String {
    lines.withLock { lines in
      lines.last { $0.contains(" feeds: ") && $0.contains(" new articles") } ?? lines.last ?? "sync done"
    }
  }
}
