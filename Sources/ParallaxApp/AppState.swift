import ParallaxCore
import TerminalModel

/// The whole interface state: a value. ``apply(_:)`` changes it and returns effects to run;
/// views render it into a buffer. Terminal size and results of background work arrive as
/// events, so everything here is tested without a terminal.
public struct AppState: Sendable {
  /// A screen on the navigation stack.
  public enum Screen: Sendable, Equatable {
    case list
    case versions(story: Int)
    /// The reports of the thread of a story, oldest first.
    case thread(story: Int)
    case reader(article: Int)
    case comparison
    case help
    /// Every feed and source; Enter shows one's stories (a `.list` pushed on top).
    case feeds
    /// Problems and sync reports of this session.
    case log

    public var kind: ScreenKind {
      switch self {
      case .feeds: return .feeds
      case .log: return .log
      case .list: return .list
      case .versions: return .versions
      case .thread: return .thread
      case .reader: return .reader
      case .comparison: return .comparison
      case .help: return .help
      }
    }
  }

  /// Selection and scroll of a list.
  public struct ListState: Sendable, Equatable {
    public var selected = 0
    public var scroll = 0
  }

  /// The comparison screen's state.
  public struct ComparisonState: Sendable {
    public var left: Int
    public var right: Int
    /// Nil while the comparison is computed in the background.
    public var result: Comparison?
    public var scroll = 0
    /// Which pane has focus (and, below 100 columns, which one is shown): 0 left, 1 right.
    public var focus = 0
    var layout: ComparisonLayout?
    var layoutWidth = 0
  }

  /// Feeds done of a background sync.
  public struct SyncProgress: Sendable, Equatable {
    public var done = 0
    public var total = 0
  }

  /// A story list left for a feed's list, as it was.
  public struct SavedList: Sendable, Equatable {
    public var filter: ListFilter
    public var list: ListState
  }

  /// The search prompt and the last query.
  public struct SearchState: Sendable, Equatable {
    /// What the prompt is for: `/` searches, `F` filters the story list.
    public enum Purpose: Sendable, Equatable {
      case search, filter
    }

    public var editing = false
    public var purpose = Purpose.search
    public var input = ""
    public var query = ""
  }

  /// Stories and articles, in memory or paged from the store.
  public var library: any Library
  public var width: Int
  public var height: Int
  public var screens: [Screen] = [.list]
  public var list = ListState()
  public var versions = ListState()
  /// The thread screen's selection, and its rows (read when it opens).
  public var threadList = ListState()
  public var threadCache: ThreadRows?
  public var marked: [Int] = []
  /// The feeds screen's rows (read when it opens) and selection.
  public var feedRows: [FeedRow] = []
  public var feedList = ListState()
  /// The lists under a feed's list, to come back to: their filter and selection.
  public var listStack: [SavedList] = []
  /// The timeline of the story whose versions screen is open.
  public var versionsCache: VersionRows?
  /// A sync running in the background: feeds done and the total (0 until the first is done).
  public var syncing: SyncProgress?
  /// What syncs of this session reported, a line each, oldest first (at most
  /// ``maxLogLines``): the log screen shows it, nothing goes to the terminal.
  public var activity: [String] = []
  public var logScroll = 0
  public var readerScroll = 0
  public var helpScroll = 0
  public var comparison: ComparisonState?
  public var search = SearchState()
  /// Articles whose web page is being fetched (``Action/fetchPage``).
  public var pageFetches: Set<Int> = []
  public var message: String?
  /// Problems met while running (a store that could not be read), oldest first, at most
  /// ``maxLogLines``; printed on exit.
  public var log: [String] = []
  public static let maxLogLines = 500
  public var quit = false
  public var theme: Theme
  public let keymap: Keymap
  /// Whether the list starts with threads (config.toml's `list`, threads by default in the
  /// interface); `T` switches.
  public let startsWithThreads: Bool

  public init(
    library: any Library, width: Int, height: Int, theme: Theme = .colour, keymap: Keymap = Keymap(),
    startsWithThreads: Bool = false
  ) {
    self.library = library
    self.width = width
    self.height = height
    self.theme = theme
    self.keymap = keymap
    self.startsWithThreads = startsWithThreads
    if startsWithThreads && !library.filter.threads {
      var filter = library.filter
      filter.threads = true
      library.setFilter(filter)
    }
  }

  /// A state over articles held in memory and their stories.
  public init(
    articles: [Article], stories: [Story], width: Int, height: Int, theme: Theme = .colour, keymap: Keymap = Keymap(),
    startsWithThreads: Bool = false
  ) {
    self.init(
      library: MemoryLibrary(articles: articles, stories: stories), width: width, height: height, theme: theme,
      keymap: keymap, startsWithThreads: startsWithThreads)
  }

  /// The current screen.
  public var screen: Screen { screens.last ?? .list }

  /// Rows available for content (the status line takes the last one).
  var contentHeight: Int { max(1, height - 1) }
}
