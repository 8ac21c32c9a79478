import Foundation
import ParallaxCore

/// The one way articles enter the store, for `parallax import`, `parallax PATH...`, `sync`
/// and the interface's reload: batches of articles with their feed as provenance, and
/// subscriptions, each batch its own transaction; then the new articles are grouped once
/// (``finish()``). Safe to use from several tasks at once (sync stores feeds as they arrive).
public final class Importer: @unchecked Sendable {
  /// What one import did.
  public struct Result: Sendable {
    public var added = 0
    public var alreadyStored = 0
    public var subscriptionsAdded = 0
    public var storeSeconds = 0.0
    public var grouping = Store.GroupingReport()
  }

  /// A store failure part-way through an import, with what was kept.
  public struct Failure: Error, Sendable {
    public var problem: StoreProblem
    /// Articles committed before the failure (each feed's batch is one transaction).
    public var storedBefore: Int
    /// Whether the failure came after everything was stored, while grouping.
    public var whileGrouping: Bool

    /// What happened to the import's data, for the end of the problem's line.
    public var outcome: String {
      if whileGrouping {
        return "the \(storedBefore) new articles were stored but not yet grouped into stories "
          + "(the next import or parallax regroup groups them)"
      }
      if storedBefore == 0 { return "nothing from this import was stored" }
      return "\(storedBefore) articles from this import were stored before that (they are kept); the rest were not"
    }

    public var message: String { problem.message(outcome: outcome) }
  }

  /// The store written to.
  public let store: Store
  private let lock = NSLock()
  private var total = Result()

  public init(store: Store) { self.store = store }

  /// What was done so far.
  public var result: Result { lock.withLock { total } }

  /// Stores a batch of articles (one transaction) carried by `feed`, without grouping.
  /// A store failure is a ``Failure`` saying how many articles were stored before it.
  @discardableResult
  public func add(_ articles: [Article], feed: String?) throws -> Store.ImportResult {
    let start = Date()
    do {
      let result = try store.add(articles, feed: feed, regroup: false)
      lock.withLock {
        total.added += result.added
        total.alreadyStored += result.alreadyStored
        total.storeSeconds += Date().timeIntervalSince(start)
      }
      return result
    } catch {
      throw Failure(problem: StoreProblem(error, path: store.path), storedBefore: result.added, whileGrouping: false)
    }
  }

  /// Adds subscriptions.
  public func subscribe(_ urls: [String]) throws {
    do {
      let added = try store.subscribe(urls)
      lock.withLock { total.subscriptionsAdded += added }
    } catch {
      throw Failure(problem: StoreProblem(error, path: store.path), storedBefore: result.added, whileGrouping: false)
    }
  }

  /// Groups the new articles once; returns everything the import did.
  @discardableResult
  public func finish() throws -> Result {
    do {
      let report = try store.groupPending()
      return lock.withLock {
        total.grouping = report
        return total
      }
    } catch {
      throw Failure(problem: StoreProblem(error, path: store.path), storedBefore: result.added, whileGrouping: true)
    }
  }

  /// Stores what was read (each feed's articles as a batch, then the subscriptions) and
  /// groups the new articles once.
  public static func store(_ loaded: ArticleLoader.Output, into store: Store) throws -> Result {
    let importer = Importer(store: store)
    var byFeed: [String?: [Article]] = [:]
    for (article, feed) in zip(loaded.articles, loaded.articleFeeds) { byFeed[feed, default: []].append(article) }
    for (feed, articles) in byFeed.sorted(by: { ($0.key ?? "") < ($1.key ?? "") }) {
      try importer.add(articles, feed: feed)
    }
    try importer.subscribe(loaded.subscriptions)
    return try importer.finish()
  }
}
