import Foundation
import ParallaxApp
import ParallaxCore
import ParallaxStore
import Synchronization

/// The interface's view of the store: stories a page at a time, articles one at a time,
/// both cached in small bounded caches. Handles are row ids.
///
/// Read state and stars are written off the interface's thread, on a serial queue, in
/// order: the cached state takes the change at once, the interface waits at most
/// ``writeWait`` (a free store is written in a few milliseconds, and the list is read again
/// before the next frame), and a store held by a grouping — a sync's here, another
/// process's import — is waited for on the queue (up to the busy timeout), not on the
/// interface's thread; then the list is read again. A write that fails is said
/// (``takeProblems()``) and the cached state read again from the store. Reads never wait:
/// the store's journal lets them read while a write is under way.
public final class StoreLibrary: Library, Sendable {
  static let pageSize = 100
  static let maxPages = 20
  static let maxArticles = 64

  let store: Store
  /// The caches, the filter and what went wrong, only under their lock.
  private let state = Mutex(State())

  /// The library's changing part.
  private struct State {
    var counts: (stories: Int, articles: Int) = (0, 0)
    var metadata = false
    var marker: [Int] = []
    var pages: [Int: [StorySummary]] = [:]
    var pageOrder: [Int] = []
    var memberCache: [String: [Int]] = [:]
    var articles: [Int: Article] = [:]
    var articleOrder: [Int] = []
    var read: [Int: Bool] = [:]
    var starred: [Int: Bool] = [:]
    /// What versions add (the versions screen asks on every frame).
    var newFacts: [Int: Int?] = [:]
    var filter = ListFilter()
    var problems: [String] = []
    /// The last problem recorded, until a read succeeds: a failure that repeats on every
    /// frame is said once.
    var lastProblem: String?
  }

  public var filter: ListFilter { state.withLock { $0.filter } }
  /// Where read state and stars are written, in order.
  private let writer = DispatchQueue(label: "parallax.store-library.writes")

  public init(store: Store) throws {
    self.store = store
    try reload()
  }

  /// The store's view for the filter.
  var view: StoryView {
    let filter = self.filter
    var view = StoryView(
      unreadOnly: filter.unreadOnly, starredOnly: filter.starredOnly, query: filter.query, threads: filter.threads)
    switch filter.scope {
    case .feed(let id): view.feedID = id
    case .source(let name): view.source = .some(name)
    case nil: break
    }
    return view
  }

  public func feeds() -> [FeedRow] {
    let rows = (attempt("read the feeds", { try store.feedSummaries() }) ?? []).filter { !$0.hidden }.map {
      FeedRow(
        scope: $0.feedID.map { .feed($0) } ?? .source($0.title), url: $0.url, title: $0.title, stories: $0.stories,
        unreadStories: $0.unreadStories, lastFetched: $0.lastFetched, lastError: $0.lastError)
    }
    // Saved filters (newsboat's query feeds) after the feeds, with what they match now.
    let filters = (attempt("read the saved filters", { try store.savedFilters() }) ?? []).compactMap {
      saved -> FeedRow? in
      guard let query = try? StoryQuery(parsing: saved.query) else { return nil }
      let all = attempt("count a saved filter", { try store.storyCount(view: StoryView(query: query)) }) ?? 0
      let unread =
        attempt("count a saved filter", { try store.storyCount(view: StoryView(unreadOnly: true, query: query)) }) ?? 0
      return FeedRow.savedFilter(name: saved.name, query: saved.query, stories: all, unreadStories: unread)
    }
    return rows + filters
  }

  private func reload() throws {
    var c = try store.storyAndArticleCounts()
    if !self.filter.isAll { c.stories = try store.storyCount(view: view) }
    let m = try store.hasMetadata()
    let mark = try store.changeMarker()
    state.withLock {
      $0.counts = c
      $0.metadata = m
      $0.marker = mark
      $0.pages = [:]
      $0.pageOrder = []
      $0.memberCache = [:]
      $0.read = [:]
      $0.starred = [:]
      $0.newFacts = [:]
    }
  }

  /// Forgets cached pages and state after a write, so the list shows it.
  private func invalidate() {
    _ = attempt("reload the story list", { try reload() })
  }

  public func setFilter(_ filter: ListFilter) {
    state.withLock { $0.filter = filter }
    invalidate()
  }

  /// Runs a store call; a failure is recorded for ``takeProblems()`` and gives nil.
  private func attempt<T>(_ what: String, _ body: () throws -> T) -> T? {
    do {
      let value = try body()
      state.withLock { $0.lastProblem = nil }
      return value
    } catch {
      let problem = StoreProblem(error, path: store.path)
      state.withLock {
        let line = "cannot \(what): \(problem)"
        if $0.lastProblem != line { $0.problems.append(line) }
        $0.lastProblem = line
      }
      return nil
    }
  }

  public func takeProblems() -> [String] {
    state.withLock { state in
      defer { state.problems = [] }
      return state.problems
    }
  }

  public var storyCount: Int { state.withLock { $0.counts.stories } }
  public var articleCount: Int { state.withLock { $0.counts.articles } }
  public var showsMetadata: Bool { state.withLock { $0.metadata } }

  public func story(at index: Int) -> StorySummary? {
    guard index >= 0, index < storyCount else { return nil }
    let page = index / Self.pageSize
    if let rows = state.withLock({ $0.pages[page] }) {
      return rows.indices.contains(index % Self.pageSize) ? rows[index % Self.pageSize] : nil
    }
    guard
      let records = attempt(
        "read stories",
        {
          try store.storyPage(offset: page * Self.pageSize, limit: Self.pageSize, view: view)
        })
    else { return nil }
    let rows = records.map(Self.summary)
    state.withLock {
      $0.pages[page] = rows
      $0.pageOrder.append(page)
      if $0.pageOrder.count > Self.maxPages { $0.pages[$0.pageOrder.removeFirst()] = nil }
    }
    return rows.indices.contains(index % Self.pageSize) ? rows[index % Self.pageSize] : nil
  }

  /// A list row from a story row.
  static func summary(_ record: Store.StoryRecord) -> StorySummary {
    var summary = StorySummary(
      id: record.id, title: record.title, size: record.size, latest: record.latest, sources: record.sources,
      unread: record.unread, newVersions: record.newVersions, starred: record.starred, thread: record.thread)
    summary.reports = record.reports
    summary.newReports = record.newReports
    return summary
  }

  public func members(ofStory index: Int) -> [Int] {
    guard let story = story(at: index) else { return [] }
    return members(ofStoryID: story.id)
  }

  public func members(ofStoryID id: String) -> [Int] {
    if let cached = state.withLock({ $0.memberCache[id] }) { return cached }
    guard let ids = attempt("read a story's versions", { try store.memberIDs(ofStory: id).map { Int($0) } })
    else { return [] }
    state.withLock {
      if $0.memberCache.count > 256 { $0.memberCache = [:] }
      $0.memberCache[id] = ids
    }
    return ids
  }

  public func reports(inThreadOf index: Int) -> [StorySummary] {
    guard let story = story(at: index) else { return [] }
    guard let thread = story.thread else { return [story] }
    return attempt("read a thread's reports", { try store.threadReports(thread) })?.map(Self.summary) ?? [story]
  }

  public func article(_ handle: Int) -> Article {
    if let cached = state.withLock({ $0.articles[handle] }) { return cached }
    let row = attempt("read an article", { try store.article(Int64(handle)) }) ?? nil
    let article = row?.article ?? Article(id: "", title: "(no longer stored)", body: "")
    if let damaged = row?.damagedColumns, !damaged.isEmpty {
      state.withLock {
        $0.problems.append(
          "the stored \(damaged.joined(separator: ", ")) of this article cannot be read; shown as stored")
      }
    }
    state.withLock {
      $0.articles[handle] = article
      $0.articleOrder.append(handle)
      if $0.articleOrder.count > Self.maxArticles { $0.articles[$0.articleOrder.removeFirst()] = nil }
      if let row { $0.read[handle] = row.isRead }
    }
    return article
  }

  public func isRead(_ handle: Int) -> Bool {
    if let known = state.withLock({ $0.read[handle] }) { return known }
    let value = attempt("read the read state", { try store.isRead(Int64(handle)) }) ?? false
    state.withLock { $0.read[handle] = value }
    return value
  }

  /// Runs a store write on the writer queue; then reads the list again (unread markers of
  /// stories come with their pages, and an unread-only list loses a read story: the cursor
  /// is then on the next one), or, when the write failed, says so and forgets the cached
  /// state it had changed.
  private func write(
    _ what: String, cached: () -> Void = {}, _ body: @escaping @Sendable (Store) throws -> Void
  ) {
    let store = self.store
    cached()
    let done = DispatchSemaphore(value: 0)
    writer.async { [self] in
      _ = attempt(what) { try body(store) }
      invalidate()
      done.signal()
    }
    // A free store takes the write at once: the list is read again before the next frame,
    // as if written through. A store held by a grouping (here or in another process) is
    // not waited for past this.
    _ = done.wait(timeout: .now() + Self.writeWait)
  }

  /// How long the interface waits for a write before it goes on showing the cached change.
  static let writeWait: DispatchTimeInterval = .milliseconds(150)

  public func finishWrites() { writer.sync {} }

  public func markRead(_ handle: Int) {
    write("store the read state", cached: { state.withLock { $0.read[handle] = true } }) {
      try $0.markStoryRead(containing: Int64(handle))
    }
  }

  public func setRead(_ handle: Int, _ isRead: Bool) {
    write("store the read state", cached: { state.withLock { $0.read[handle] = isRead } }) {
      try $0.setRead(Int64(handle), isRead)
    }
  }

  public func setStoryRead(_ index: Int, _ isRead: Bool) {
    guard let id = story(at: index)?.id else { return }
    // With threads listed, a row is its thread: every report of it.
    let ids = filter.threads ? reports(inThreadOf: index).map(\.id) : [id]
    let cached = {
      for member in ids.flatMap({ self.members(ofStoryID: $0) }) { self.state.withLock { $0.read[member] = isRead } }
    }
    write("store the read state", cached: cached) { store in
      for id in ids { try store.setStoryRead(id, isRead) }
    }
  }

  public func markAllRead() -> Int {
    let view = self.view
    // Counted first (a read never waits for a writer): what the write will change.
    let count = attempt("count the unread versions", { try store.unreadVersionCount(view: view) }) ?? 0
    write("store the read state", cached: { state.withLock { $0.read = $0.read.mapValues { _ in true } } }) {
      _ = try $0.markAllRead(view: view)
    }
    return count
  }

  public func isStarred(_ handle: Int) -> Bool {
    if let known = state.withLock({ $0.starred[handle] }) { return known }
    let value = (attempt("read the star", { try store.article(Int64(handle))?.isStarred }) ?? nil) ?? false
    state.withLock { $0.starred[handle] = value }
    return value
  }

  public func setStarred(_ handle: Int, _ starred: Bool) {
    write("store the star", cached: { state.withLock { $0.starred[handle] = starred } }) {
      try $0.setStarred(Int64(handle), starred)
    }
  }

  public func newFacts(_ handle: Int) -> Int? {
    if let known = state.withLock({ $0.newFacts[handle] }) { return known }
    let value = attempt("read what a version adds", { try store.newFacts(of: Int64(handle)) }) ?? nil
    state.withLock {
      if $0.newFacts.count > 4096 { $0.newFacts = [:] }
      $0.newFacts[handle] = value
    }
    return value
  }

  public func replaceArticle(_ handle: Int, with article: Article) -> Bool {
    guard let kept = attempt("store the page's text", { try store.replaceText(of: Int64(handle), with: article) })
    else {
      return false
    }
    state.withLock { $0.articles[handle] = nil }
    if !kept { state.withLock { $0.problems.append("cannot store the page's text: the article is no longer stored") } }
    return kept
  }

  public func position(ofStory id: String) -> Int? {
    attempt("find a story's place", { try store.storyPosition(id, view: view) }) ?? nil
  }

  public func storyIndex(containing handle: Int) -> Int? {
    guard let id = attempt("find an article's story", { try store.storyID(ofArticle: Int64(handle)) }) ?? nil else {
      return nil
    }
    return attempt("find a story's place", { try store.storyPosition(id, view: view) }) ?? nil
  }

  public func findStory(matching query: String, from index: Int, forward: Bool, includeCurrent: Bool) -> Int? {
    guard !query.isEmpty else { return nil }
    return attempt("search") {
      try store.nextStory(
        matchingPrefix: query, from: index, forward: forward, includeCurrent: includeCurrent, view: view)
    } ?? nil
  }

  public func refresh() -> Bool {
    guard let now = attempt("look for changes", { try store.changeMarker() }), now != state.withLock({ $0.marker })
    else {
      return false
    }
    return attempt("reload the story list", { try reload() }) != nil
  }
}
