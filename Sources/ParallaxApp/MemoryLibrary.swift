import Foundation
import ParallaxCore
import Synchronization

/// A library held in memory: the articles read from files given on the command line and
/// their stories. Handles are indices into `articles`. Read and star state live as long as
/// the library (nothing is stored with `--no-store`).
public final class MemoryLibrary: Library, Sendable {
  /// Every story, newest first.
  public let stories: [Story]
  public let showsMetadata: Bool
  private let storyOf: [Int: Int]
  /// Indices into `stories` of each thread's reports, newest first.
  private let reportsByThread: [String: [Int]]
  /// What changes while the library is shown, only under its lock.
  private let state: Mutex<State>

  /// The library's changing part.
  private struct State {
    var articles: [Article]
    var read = Set<Int>()
    var starred = Set<Int>()
    /// Each article's words as filters match them (``SearchWords``), made when a filter
    /// first needs them.
    var searchWords: [Int: [[String]]] = [:]
    /// Indices into `stories` of the stories the filter shows.
    var shown: [Int]
    var filter = ListFilter()
  }

  public init(articles: [Article], stories: [Story]) {
    self.stories = Self.newestFirst(stories, articles: articles)
    showsMetadata = articles.contains { $0.source != nil || $0.published != nil }
    var storyOf: [Int: Int] = [:]
    var reportsByThread: [String: [Int]] = [:]
    for (s, story) in self.stories.enumerated() {
      for m in story.members { storyOf[m.inputIndex] = s }
      reportsByThread[story.thread, default: []].append(s)
    }
    self.storyOf = storyOf
    self.reportsByThread = reportsByThread
    state = Mutex(State(articles: articles, shown: Array(self.stories.indices)))
  }

  public var filter: ListFilter { state.withLock { $0.filter } }

  /// Newest first by the latest member date; stories without dates keep their order, last.
  static func newestFirst(_ stories: [Story], articles: [Article]) -> [Story] {
    let dated = stories.enumerated().map { index, story in
      (index, story, story.members.compactMap { articles[$0.inputIndex].published }.max())
    }
    return dated.sorted { a, b in
      switch (a.2, b.2) {
      case (let x?, let y?) where x != y: return x > y
      case (_?, nil): return true
      case (nil, _?): return false
      default: return a.0 < b.0
      }
    }.map(\.1)
  }

  public var storyCount: Int { state.withLock { $0.shown.count } }
  public var articleCount: Int { stories.reduce(0) { $0 + $1.size } }

  public func setFilter(_ filter: ListFilter) {
    state.withLock { state in
      state.filter = filter
      // With threads: each thread's newest report stands for it (stories are newest first).
      var seen = Set<String>()
      let heads = Set(stories.indices.filter { seen.insert(stories[$0].thread).inserted })
      state.shown = stories.indices.filter { s in
        if filter.threads && !heads.contains(s) { return false }
        let handles = stories[s].members.map(\.inputIndex)
        var inScope = true
        if case .source(let name) = filter.scope { inScope = handles.contains { state.articles[$0].source == name } }
        if case .feed = filter.scope { inScope = false }
        let unread =
          filter.threads
          ? reportsOf(stories[s].thread).contains { r in
            stories[r].members.contains { !state.read.contains($0.inputIndex) }
          }
          : handles.contains { !state.read.contains($0) }
        return inScope && (!filter.unreadOnly || unread)
          && (!filter.starredOnly || handles.contains { state.starred.contains($0) })
          && (filter.query.map { matches($0, story: s, in: &state) } ?? true)
      }
    }
  }

  /// The index into `stories` of the shown story at `index`.
  private func storyAt(_ index: Int) -> Int? {
    state.withLock { $0.shown.indices.contains(index) ? $0.shown[index] : nil }
  }

  public func story(at index: Int) -> StorySummary? {
    guard let s = storyAt(index) else { return nil }
    var row = summary(s)
    if filter.threads {
      // The thread's row: its reports, unread while any is, new reports since it was read.
      let reports = reportsOf(stories[s].thread).map(summary)
      row.reports = reports.count
      row.unread = reports.contains(where: \.unread)
      let read = reports.contains { $0.size > 0 && $0.unread == false || $0.newVersions > 0 }
      row.newReports = read ? reports.filter(\.unread).count : 0
    }
    return row
  }

  /// Indices into `stories` of the reports of `thread` (newest first, as `stories`).
  private func reportsOf(_ thread: String) -> [Int] { reportsByThread[thread] ?? [] }

  /// The summary of `stories[s]`.
  private func summary(_ s: Int) -> StorySummary {
    let story = stories[s]
    let handles = story.members.map(\.inputIndex)
    let members = handles.map { article($0) }
    let sources = StoryNaming.sources(anchor: members.first?.source, all: members.map(\.source))
    let unread = handles.filter { !isRead($0) }.count
    return StorySummary(
      id: story.id, title: story.title, size: story.size, latest: members.compactMap(\.published).max(),
      sources: sources, unread: unread > 0, newVersions: unread < handles.count ? unread : 0,
      starred: handles.contains { isStarred($0) }, thread: story.thread)
  }

  public func reports(inThreadOf index: Int) -> [StorySummary] {
    guard let s = storyAt(index) else { return [] }
    let thread = stories[s].thread
    // Oldest first by first report (StoryNaming's order: dated first, then identity).
    func first(_ k: Int) -> (Int, String, String) {
      let a = article(stories[k].members[0].inputIndex)
      return (a.published == nil ? 1 : 0, a.published ?? "", a.identityKey)
    }
    return reportsOf(thread).sorted { first($0) < first($1) }.map(summary)
  }

  public func members(ofStoryID id: String) -> [Int] {
    stories.first { $0.id == id }?.members.map(\.inputIndex) ?? []
  }

  public func members(ofStory index: Int) -> [Int] {
    storyAt(index).map { stories[$0].members.map(\.inputIndex) } ?? []
  }

  public func article(_ handle: Int) -> Article {
    state.withLock {
      $0.articles.indices.contains(handle) ? $0.articles[handle] : Article(id: "", title: "", body: "")
    }
  }

  /// Replaces the article in memory only (nothing is stored with `--no-store`).
  public func replaceArticle(_ handle: Int, with article: Article) -> Bool {
    state.withLock {
      guard $0.articles.indices.contains(handle) else { return false }
      $0.articles[handle] = article
      $0.searchWords[handle] = nil
      return true
    }
  }

  public func isRead(_ handle: Int) -> Bool { state.withLock { $0.read.contains(handle) } }

  public func markRead(_ handle: Int) {
    let handles = storyOf[handle].map { stories[$0].members.map(\.inputIndex) } ?? [handle]
    state.withLock { $0.read.formUnion(handles) }
  }

  public func setRead(_ handle: Int, _ isRead: Bool) {
    state.withLock {
      if isRead { $0.read.insert(handle) } else { $0.read.remove(handle) }
    }
  }

  public func setStoryRead(_ index: Int, _ isRead: Bool) {
    // With threads listed, a row is its thread: every report of it.
    let handles =
      filter.threads ? reports(inThreadOf: index).flatMap { members(ofStoryID: $0.id) } : members(ofStory: index)
    for handle in handles { setRead(handle, isRead) }
  }

  public func markAllRead() -> Int {
    state.withLock { state in
      let rows = state.filter.threads ? state.shown.flatMap { reportsOf(stories[$0].thread) } : state.shown
      let handles = rows.flatMap { stories[$0].members.map(\.inputIndex) }
      return handles.filter { state.read.insert($0).inserted }.count
    }
  }

  public func isStarred(_ handle: Int) -> Bool { state.withLock { $0.starred.contains(handle) } }

  public func setStarred(_ handle: Int, _ isStarred: Bool) {
    state.withLock {
      if isStarred { $0.starred.insert(handle) } else { $0.starred.remove(handle) }
    }
  }

  /// Nothing arrives in memory after the files are read.
  public func newFacts(_ handle: Int) -> Int? { nil }

  public func position(ofStory id: String) -> Int? {
    state.withLock { $0.shown.firstIndex { stories[$0].id == id } }
  }

  public func storyIndex(containing handle: Int) -> Int? {
    guard let s = storyOf[handle] else { return nil }
    return state.withLock { $0.shown.firstIndex(of: s) }
  }

  public func findStory(matching query: String, from index: Int, forward: Bool, includeCurrent: Bool) -> Int? {
    let q = query.lowercased()
    let count = storyCount
    guard count > 0, !q.isEmpty else { return nil }
    for step in (includeCurrent ? 0 : 1)...count {
      let i = ((index + (forward ? step : -step)) % count + count) % count
      if story(at: i)?.title.lowercased().contains(q) == true
        || members(ofStory: i).contains(where: {
          let a = article($0)
          return a.title.lowercased().contains(q) || a.body.lowercased().contains(q)
        })
      {
        return i
      }
    }
    return nil
  }

  /// Article `h`'s words for filters, title and text apart (a phrase is within one, as in
  /// the store's index), made once. Called under the lock.
  private func wordsOf(_ h: Int, in state: inout State) -> [[String]] {
    if let known = state.searchWords[h] { return known }
    let words = [SearchWords.of(state.articles[h].title), SearchWords.of(state.articles[h].body)]
    state.searchWords[h] = words
    return words
  }

  /// Whether story `s` matches a typed filter, as the store's SQL decides it (files read
  /// into memory have no feeds: `feed:` matches their source). Called under the lock.
  private func matches(_ query: StoryQuery, story s: Int, in state: inout State) -> Bool {
    let handles = stories[s].members.map(\.inputIndex)
    let dates = handles.compactMap { state.articles[$0].published }
    let latest = dates.max()
    return query.alternatives.contains { terms in
      terms.allSatisfy { term in
        switch term {
        case .words(let words):
          // Whole words, as the store's full-text index matches them.
          let phrases = words.map(SearchWords.of)
          return handles.contains { h in
            let fields = wordsOf(h, in: &state)
            return phrases.allSatisfy { phrase in fields.contains { SearchWords.contains($0, phrase: phrase) } }
          }
        case .unread: return handles.contains { !state.read.contains($0) }
        case .starred: return handles.contains { state.starred.contains($0) }
        case .feed(let name), .source(let name):
          return handles.contains { state.articles[$0].source?.lowercased().contains(name) == true }
        case .tag: return false  // files read into memory have no feeds, so no tags
        case .age(let days):
          let since = PublicationTime.string(from: Date().addingTimeInterval(-Double(days) * 86400))
          return latest.map { $0 >= since } ?? false
        case .after(let date): return latest.map { $0 >= date } ?? false
        case .before(let date): return latest.map { $0 < date } ?? false
        case .versions(let comparison, let n): return comparison.holds(handles.count, n)
        case .reports(let comparison, let n):
          return comparison.holds(reportsOf(stories[s].thread).count, n)
        }
      }
    }
  }

  /// Files read into memory have no subscriptions: one row per source.
  public func feeds() -> [FeedRow] {
    var order: [String?] = []
    var stories: [String?: Set<Int>] = [:]
    var unread: [String?: Set<Int>] = [:]
    for (s, story) in self.stories.enumerated() {
      for member in story.members {
        let source = article(member.inputIndex).source
        if stories[source] == nil { order.append(source) }
        stories[source, default: []].insert(s)
        if !isRead(member.inputIndex) { unread[source, default: []].insert(s) }
      }
    }
    return order.map {
      FeedRow(
        scope: .source($0), url: nil, title: $0, stories: stories[$0]?.count ?? 0, unreadStories: unread[$0]?.count ?? 0
      )
    }.sorted { ($0.title ?? "").lowercased() < ($1.title ?? "").lowercased() }
  }

  public func refresh() -> Bool { false }
}
