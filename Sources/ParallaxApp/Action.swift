import TerminalModel

/// Everything the user can do. The ``ActionTable`` gives each its config name, default keys,
/// help text and the screens it applies to; key dispatch and the help screen both read it.
public enum Action: String, CaseIterable, Sendable, Hashable {
  case down, up
  case pageDown = "page-down"
  case pageUp = "page-up"
  case top, bottom
  case open, compare, mark
  case openThread = "open-thread"
  case search
  case searchNext = "search-next"
  case searchPrevious = "search-previous"
  case nextDifference = "next-difference"
  case previousDifference = "previous-difference"
  case switchPane = "switch-pane"
  case swapSides = "swap-sides"
  case nextArticle = "next-article"
  case previousArticle = "previous-article"
  case copyLink = "copy-link"
  case openInBrowser = "open-in-browser"
  case feeds
  case filter
  case reloadAll = "reload-all"
  case reload
  case showLog = "log"
  case fetchPage = "fetch-page"
  case toggleRead = "toggle-read"
  case markAllRead = "mark-all-read"
  case toggleUnreadOnly = "toggle-unread-only"
  case star
  case toggleStarredOnly = "toggle-starred-only"
  case toggleThreads = "toggle-threads"
  case help, back
}

/// Where an action applies.
public enum ScreenKind: String, Sendable, Hashable, CaseIterable {
  case list, feeds, versions, thread, reader, comparison, log, help
}

/// One row of the action table.
public struct ActionSpec: Sendable {
  public var action: Action
  public var keys: [Key]
  public var help: String
  public var screens: Set<ScreenKind>
}

/// The table of actions: default keys, help text and scope, in help order.
public enum ActionTable {
  static let all = Set(ScreenKind.allCases)
  static let moving: Set<ScreenKind> = [.list, .feeds, .versions, .thread, .reader, .comparison, .log, .help]

  public static let specs: [ActionSpec] = [
    ActionSpec(action: .down, keys: [.character("j"), .down], help: "move down", screens: moving),
    ActionSpec(action: .up, keys: [.character("k"), .up], help: "move up", screens: moving),
    ActionSpec(action: .pageDown, keys: [.character(" "), .pageDown], help: "page down", screens: moving),
    ActionSpec(action: .pageUp, keys: [.character("b"), .pageUp], help: "page up", screens: moving),
    ActionSpec(action: .top, keys: [.character("g"), .home], help: "go to the top", screens: moving),
    ActionSpec(action: .bottom, keys: [.character("G"), .end], help: "go to the bottom", screens: moving),
    ActionSpec(
      action: .open, keys: [.enter],
      help: "open: a story (reader or versions), a version, a thread's report, a feed",
      screens: [.list, .feeds, .versions, .thread]),
    ActionSpec(
      action: .compare, keys: [.character("c")],
      help: "compare the marked versions, or the first two of the story", screens: [.list, .versions, .reader]),
    ActionSpec(action: .mark, keys: [.character("m")], help: "mark a version for comparison", screens: [.versions]),
    ActionSpec(
      action: .openThread, keys: [.character("t")],
      help: "the story's thread: its reports oldest first, with what each adds", screens: [.list, .versions]),
    ActionSpec(
      action: .search, keys: [.character("/")], help: "search in this screen",
      screens: [.list, .versions, .reader, .comparison]),
    ActionSpec(
      action: .searchNext, keys: [.character("n")], help: "next match",
      screens: [.list, .versions, .reader, .comparison]),
    ActionSpec(
      action: .searchPrevious, keys: [.character("N")], help: "previous match",
      screens: [.list, .versions, .reader, .comparison]),
    ActionSpec(action: .nextDifference, keys: [.character("]")], help: "next difference", screens: [.comparison]),
    ActionSpec(
      action: .previousDifference, keys: [.character("[")], help: "previous difference", screens: [.comparison]),
    ActionSpec(
      action: .switchPane, keys: [.tab], help: "switch the focused pane (one pane at a time below 100 columns)",
      screens: [.comparison]),
    ActionSpec(action: .swapSides, keys: [.character("s")], help: "swap the two sides", screens: [.comparison]),
    ActionSpec(action: .nextArticle, keys: [.character("J")], help: "next article", screens: [.reader]),
    ActionSpec(action: .previousArticle, keys: [.character("K")], help: "previous article", screens: [.reader]),
    ActionSpec(
      action: .copyLink, keys: [.character("y")], help: "copy the article's link (OSC 52, works over SSH)",
      screens: [.list, .versions, .reader]),
    ActionSpec(
      action: .feeds, keys: [.character("f")], help: "feeds: every subscription and source, with unread counts",
      screens: [.list]),
    ActionSpec(
      action: .filter, keys: [.character("F")],
      help: "filter: words feed: source: tag: after: before: age<N unread starred versions>N reports>N OR",
      screens: [.list]),
    ActionSpec(
      action: .reloadAll, keys: [.character("R")],
      help: "sync every feed, or the reader server, in the background (as parallax sync)",
      screens: [.list, .feeds]),
    ActionSpec(action: .reload, keys: [.character("r")], help: "sync the selected feed", screens: [.feeds]),
    ActionSpec(
      action: .showLog, keys: [.character("L")], help: "the log: sync reports and problems of this session",
      screens: [.list, .feeds]),
    ActionSpec(
      action: .openInBrowser, keys: [.character("o")],
      help: "open the article's link in the browser (or copy it)",
      screens: [.list, .versions, .reader]),
    ActionSpec(
      action: .fetchPage, keys: [.character("p")],
      help: "fetch a summary's web page and keep its full text",
      screens: [.reader]),
    ActionSpec(
      action: .toggleRead, keys: [.character("u")],
      help: "mark the selected story (or version) read or unread", screens: [.list, .versions, .reader]),
    ActionSpec(
      action: .markAllRead, keys: [.character("A")], help: "mark every story of this list read", screens: [.list]),
    ActionSpec(
      action: .toggleUnreadOnly, keys: [.character("U")], help: "show only unread stories, or every story again",
      screens: [.list]),
    ActionSpec(
      action: .star, keys: [.character("*")], help: "star or unstar the selected story (or version)",
      screens: [.list, .versions, .reader]),
    ActionSpec(
      action: .toggleStarredOnly, keys: [.character("S")], help: "show only starred stories, or every story again",
      screens: [.list]),
    ActionSpec(
      action: .toggleThreads, keys: [.character("T")],
      help: "list threads (a developing story once, by its newest report) or every report", screens: [.list]),
    ActionSpec(action: .help, keys: [.character("?")], help: "help: every key", screens: all),
    ActionSpec(
      action: .back, keys: [.character("q"), .escape], help: "back (clears a filter first); quit from the story list",
      screens: all),
  ]

  /// The spec of an action.
  public static func spec(_ action: Action) -> ActionSpec { specs.first { $0.action == action }! }
}

/// Maps keys to actions for each screen, from the action table (and, later, user config).
public struct Keymap: Sendable {
  var bindings: [ScreenKind: [Key: Action]] = [:]
  /// The table in use (defaults with the user's keys), for help and hints.
  public let specs: [ActionSpec]

  /// The default bindings.
  public init(specs: [ActionSpec] = ActionTable.specs) {
    self.specs = specs
    for spec in specs {
      for screen in spec.screens {
        for key in spec.keys { bindings[screen, default: [:]][key] = spec.action }
      }
    }
  }

  /// The action bound to `key` on `screen`, if any.
  public func action(for key: Key, on screen: ScreenKind) -> Action? { bindings[screen]?[key] }

  /// The spec of an action as bound.
  public func spec(_ action: Action) -> ActionSpec { specs.first { $0.action == action }! }
}
