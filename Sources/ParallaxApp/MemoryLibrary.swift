import Foundation
import ParallaxCore

/// A library held in memory: the articles read from files given on the command line and
/// their stories. Handles are indices into `articles`.
public final class MemoryLibrary: Library, @unchecked Sendable {
  public private(set) var articles: [Article]
  /// Stories, newest first.
  public let stories: [Story]
  public let showsMetadata: Bool
  private var read = Set<Int>()
  private var storyOf: [Int: Int] = [:]
  private let lock = NSLock()

  public init(articles: [Article], stories: [Story]) {
    self.articles = articles
    self.stories = Self.newestFirst(stories, articles: articles)
    showsMetadata = articles.contains { $0.source != nil || $0.published != nil }
    for (s, story) in self.stories.enumerated() { for m in story.members { storyOf[m.inputIndex] = s } }
  }

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

  public var storyCount: Int { stories.count }
  public var articleCount: Int { stories.reduce(0) { $0 + $1.size } }

  public func story(at index: Int) -> StorySummary? {
    guard stories.indices.contains(index) else { return nil }
    let story = stories[index]
    let members = story.members.map { articles[$0.inputIndex] }
    var sources: [String] = []
    for m in members { if let s = m.source, !sources.contains(s) { sources.append(s) } }
    return StorySummary(
      id: story.id, title: story.title, size: story.size, latest: members.compactMap(\.published).max(),
      sources: sources, unread: story.members.contains { !isRead($0.inputIndex) })
  }

  public func members(ofStory index: Int) -> [Int] {
    stories.indices.contains(index) ? stories[index].members.map(\.inputIndex) : []
  }

  public func article(_ handle: Int) -> Article {
    lock.withLock { articles.indices.contains(handle) ? articles[handle] : Article(id: "", title: "", body: "") }
  }

  /// Replaces the article in memory only (nothing is stored with `--no-store`).
  public func replaceArticle(_ handle: Int, with article: Article) -> Bool {
    lock.withLock {
      guard articles.indices.contains(handle) else { return false }
      articles[handle] = article
      return true
    }
  }

  public func isRead(_ handle: Int) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    return read.contains(handle)
  }

  public func markRead(_ handle: Int) {
    lock.lock()
    read.insert(handle)
    lock.unlock()
  }

  public func storyIndex(containing handle: Int) -> Int? { storyOf[handle] }

  public func findStory(matching query: String, from index: Int, forward: Bool, includeCurrent: Bool) -> Int? {
    let q = query.lowercased()
    let count = stories.count
    guard count > 0, !q.isEmpty else { return nil }
    for step in (includeCurrent ? 0 : 1)...count {
      let i = ((index + (forward ? step : -step)) % count + count) % count
      if stories[i].title.lowercased().contains(q)
        || members(ofStory: i).contains(where: {
          articles[$0].title.lowercased().contains(q) || articles[$0].body.lowercased().contains(q)
        })
      {
        return i
      }
    }
    return nil
  }

  public func refresh() -> Bool { false }
}
