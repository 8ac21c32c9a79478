import ParallaxCore

/// One row of the story list, as a library serves it.
public struct StorySummary: Sendable, Equatable {
  public var id: String
  public var title: String
  public var size: Int
  /// The newest member's date, if any member has one.
  public var latest: String?
  /// Distinct sources of the members, in member order.
  public var sources: [String]
  /// Whether any member is unread.
  public var unread: Bool
  /// Versions that arrived after the story was read and add facts (0 when nothing of it was
  /// read yet): the list shows `+2 new`.
  public var newVersions: Int
  /// Whether any member is starred.
  public var starred: Bool
  /// The thread (developing story) it is a report of.
  public var thread: String?
  /// With threads listed (``ListFilter/threads``): the thread's reports, and the unread ones
  /// of a thread that has a read one (`+1 report`).
  public var reports = 1
  public var newReports = 0

  public init(
    id: String, title: String, size: Int, latest: String?, sources: [String], unread: Bool, newVersions: Int = 0,
    starred: Bool = false, thread: String? = nil
  ) {
    self.thread = thread
    self.id = id
    self.title = title
    self.size = size
    self.latest = latest
    self.sources = sources
    self.unread = unread
    self.newVersions = newVersions
    self.starred = starred
  }
}

/// One row of the feeds screen: a feed, or a source of articles no feed carries.
public struct FeedRow: Sendable, Equatable {
  public var scope: ListFilter.Scope
  /// The feed's address (nil for a source).
  public var url: String?
  /// The feed's title or the source's name.
  public var title: String?
  public var stories: Int
  public var unreadStories: Int
  public var lastFetched: String?
  public var lastError: String?
  /// A saved filter's text (newsboat's query feeds): Enter shows the stories it matches.
  public var query: String?

  public init(
    scope: ListFilter.Scope, url: String?, title: String?, stories: Int, unreadStories: Int,
    lastFetched: String? = nil, lastError: String? = nil
  ) {
    self.scope = scope
    self.url = url
    self.title = title
    self.stories = stories
    self.unreadStories = unreadStories
    self.lastFetched = lastFetched
    self.lastError = lastError
  }

  /// A saved filter's row.
  public static func savedFilter(name: String, query: String, stories: Int, unreadStories: Int) -> FeedRow {
    var row = FeedRow(scope: .source(name), url: nil, title: name, stories: stories, unreadStories: unreadStories)
    row.query = query
    return row
  }

  /// What the row is called: the title, else the address, else "(no source)".
  public var name: String { title.flatMap { $0.isEmpty ? nil : $0 } ?? url ?? "(no source)" }
}

/// Where the interface gets its stories and articles: all in memory (files given on the
/// command line) or a page at a time from the store. Articles are named by an integer
/// handle that stays valid while the library lives. Stories are served newest first.
///
/// Libraries are read on the interface's loop only; implementations guard their caches.
public protocol Library: AnyObject, Sendable {
  /// Number of stories the filter shows.
  var storyCount: Int { get }
  /// Which stories are shown; story indices count within it.
  var filter: ListFilter { get }
  /// Shows other stories (indices change).
  func setFilter(_ filter: ListFilter)
  /// Number of articles.
  var articleCount: Int { get }
  /// Whether any article has a source or a date (else the list gives the title all the room).
  var showsMetadata: Bool { get }
  /// The story at `index` (0 is the newest), nil when out of range.
  func story(at index: Int) -> StorySummary?
  /// Handles of a story's versions, in display order.
  func members(ofStory index: Int) -> [Int]
  /// The reports of the thread of the story at `index`, oldest first (by their first
  /// reports), whether the filter shows them or not; the story alone when it is the only one.
  func reports(inThreadOf index: Int) -> [StorySummary]
  /// Handles of the versions of the story `id`, in display order, shown or not.
  func members(ofStoryID id: String) -> [Int]
  /// The article behind a handle (an empty article when it has gone).
  func article(_ handle: Int) -> Article
  func isRead(_ handle: Int) -> Bool
  /// Marks read the story holding an article, every version it has (the store writes it
  /// through): a story is read once.
  func markRead(_ handle: Int)
  /// Marks one version read or unread.
  func setRead(_ handle: Int, _ read: Bool)
  /// Marks every version of the story at `index` read or unread.
  func setStoryRead(_ index: Int, _ read: Bool)
  /// Marks read every story the filter shows; returns how many versions changed.
  func markAllRead() -> Int
  func isStarred(_ handle: Int) -> Bool
  func setStarred(_ handle: Int, _ starred: Bool)
  /// Facts a version added over the read versions of its story when it arrived (nil when
  /// nothing of the story was read then).
  func newFacts(_ handle: Int) -> Int?
  /// Replaces an article's text by a fuller one (its web page's), keeping its place, story
  /// and read state; the store writes it through. Returns false (with a problem for
  /// ``takeProblems()``) when it could not be kept.
  func replaceArticle(_ handle: Int, with article: Article) -> Bool
  /// The index of a story by its id (nil when the filter does not show it).
  func position(ofStory id: String) -> Int?
  /// The index of the story holding an article.
  func storyIndex(containing handle: Int) -> Int?
  /// The next story (after `index`, or at it when `includeCurrent`; backwards unless
  /// `forward`; wrapping around) whose title or text contains `query`, ignoring case.
  func findStory(matching query: String, from index: Int, forward: Bool, includeCurrent: Bool) -> Int?
  /// The feeds screen's rows: every feed, then every source of articles no feed carries.
  func feeds() -> [FeedRow]
  /// Picks up changes made by another process; returns whether anything changed.
  func refresh() -> Bool
  /// Failures since the last call (a store that could not be read or written), one line
  /// each: the interface shows them in the status line and its log, never an empty list
  /// without a word.
  func takeProblems() -> [String]
  /// Waits for writes still under way (read state, stars) to be stored: before the
  /// interface ends, so that nothing marked is lost.
  func finishWrites()
}

extension Library {
  /// Libraries that cannot fail have nothing to report.
  public func takeProblems() -> [String] { [] }

  /// Libraries that write at once have nothing to wait for.
  public func finishWrites() {}

  /// The first version of each story in order, then the rest: the reader's J/K order.
  public func step(from handle: Int, by delta: Int) -> Int? {
    guard let story = storyIndex(containing: handle) else { return nil }
    let m = members(ofStory: story)
    guard let i = m.firstIndex(of: handle) else { return nil }
    let j = i + delta
    if m.indices.contains(j) { return m[j] }
    var s = story + (delta > 0 ? 1 : -1)
    while s >= 0 && s < storyCount {
      let other = members(ofStory: s)
      if let next = delta > 0 ? other.first : other.last { return next }
      s += delta > 0 ? 1 : -1
    }
    return nil
  }
}
