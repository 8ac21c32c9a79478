import Foundation
import ParallaxCore
import Synchronization

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
    /// Grouping, summed over the passes of the import.
    public var grouping = Store.GroupingReport()
  }

  /// A store failure part-way through an import, with what was kept.
  public struct Failure: Error, Sendable {
    public var problem: StoreProblem
    /// Articles committed before the failure (each feed's batch is one transaction).
    public var storedBefore: Int
    /// Whether the failure came while grouping what was stored.
    public var whileGrouping: Bool
    /// Whether grouping failed part-way through the import (a batch of
    /// ``Importer/groupEvery``), before the rest of the input was read and stored.
    public var beforeTheEnd = false

    /// What happened to the import's data, for the end of the problem's line.
    public var outcome: String {
      if whileGrouping && beforeTheEnd {
        return "the \(storedBefore) new articles stored so far are kept, those not grouped yet are grouped "
          + "by the next import or parallax regroup; the rest of this import was not stored"
      }
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
  /// What was done so far, from whichever thread stores.
  private let progress = Mutex(Progress())
  private struct Progress {
    var total = Result()
    var ungrouped = 0
    var touched: [Int64] = []
  }

  /// New articles stored before grouping runs, during a long import: grouping in batches
  /// keeps memory bounded (a pass holds its batch's signatures), and each batch is grouped
  /// against everything stored before it, as separate imports are. Measured on the 100-feed
  /// benchmark: 20,000 peaked at 299 MB, 16,000 at 250 MB for about a second more.
  public var groupEvery: Int

  public init(store: Store, groupEvery: Int = 16_000) {
    self.store = store
    self.groupEvery = groupEvery
  }

  /// What was done so far.
  public var result: Result { progress.withLock { $0.total } }

  /// Row ids of every article imported so far, new or already stored: where the interface
  /// puts the cursor after `parallax PATH...`.
  public var rowIDs: [Int64] { progress.withLock { $0.touched } }

  /// Stores a batch of articles (one transaction) carried by `feed`, without grouping.
  /// A store failure is a ``Failure`` saying how many articles were stored before it.
  @discardableResult
  public func add(_ articles: [Article], feed: String?, signed: [String: PreparedSignature]? = nil) throws
    -> Store.ImportResult
  {
    let start = Date()
    let stored: Store.ImportResult
    do {
      stored = try store.add(articles, feed: feed, regroup: false, signed: signed)
    } catch {
      throw Failure(problem: StoreProblem(error, path: store.path), storedBefore: result.added, whileGrouping: false)
    }
    let groupEvery = self.groupEvery
    let due = progress.withLock {
      $0.total.added += stored.added
      $0.total.alreadyStored += stored.alreadyStored
      $0.total.storeSeconds += Date().timeIntervalSince(start)
      $0.touched += stored.rowIDs
      $0.ungrouped += stored.added
      return $0.ungrouped >= groupEvery
    }
    // Outside the storing `do`: a grouping failure is reported as one, not as a failure to store.
    if due { try group(beforeTheEnd: true) }
    return stored
  }

  /// Adds subscriptions.
  public func subscribe(_ urls: [String]) throws {
    do {
      let added = try store.subscribe(urls)
      progress.withLock { $0.total.subscriptionsAdded += added }
    } catch {
      throw Failure(problem: StoreProblem(error, path: store.path), storedBefore: result.added, whileGrouping: false)
    }
  }

  /// Groups what is stored and not grouped yet; `beforeTheEnd` when more of the import is
  /// still to come.
  func group(beforeTheEnd: Bool = false) throws {
    do {
      progress.withLock { $0.ungrouped = 0 }
      let report = try store.groupPending()
      progress.withLock { $0.total.grouping.add(report) }
    } catch {
      var failure = Failure(
        problem: StoreProblem(error, path: store.path), storedBefore: result.added, whileGrouping: true)
      failure.beforeTheEnd = beforeTheEnd
      throw failure
    }
  }

  /// Groups the new articles not grouped yet; returns everything the import did.
  @discardableResult
  public func finish() throws -> Result {
    try group()
    return result
  }

  /// Stores one batch read by ``ArticleLoader`` (each feed's articles as a transaction, then
  /// the subscriptions), without grouping it yet.
  public func store(_ batch: ArticleLoader.Output, signed: [String: PreparedSignature]? = nil) throws {
    var byFeed: [String?: [Article]] = [:]
    for (article, feed) in zip(batch.articles, batch.articleFeeds) { byFeed[feed, default: []].append(article) }
    for (feed, articles) in byFeed.sorted(by: { ($0.key ?? "") < ($1.key ?? "") }) {
      try add(articles, feed: feed, signed: signed)
    }
    if !batch.subscriptions.isEmpty { try subscribe(batch.subscriptions) }
  }

  /// Reads `paths` a batch at a time (``ArticleLoader/stream(_:batchArticles:readAhead:prepare:_:)``:
  /// the next batch is read and its new articles signed while this one is stored), stores
  /// each batch and groups in batches of ``groupEvery``, so memory does not grow with the
  /// input. `diagnostics` gets each batch's load problems as they are found.
  public func importPaths(
    _ paths: [String], loader: ArticleLoader = ArticleLoader(), batchArticles: Int = 2_000,
    diagnostics: ([LoadDiagnostic]) -> Void = { _ in }
  ) throws -> (result: Result, problems: [LoadDiagnostic], subscriptionsRead: Int) {
    var problems: [LoadDiagnostic] = []
    var subscriptionsRead = 0
    let store = self.store
    // A read that fails here leaves the batch unsigned: storing it signs it, and reports the
    // store's failure there.
    let prepare = { @Sendable (batch: ArticleLoader.Output) in try? store.signatures(ofNew: batch.articles) }
    try loader.stream(paths, batchArticles: batchArticles, readAhead: 1, prepare: prepare) { batch, signed in
      diagnostics(batch.diagnostics)
      problems += batch.diagnostics
      subscriptionsRead += batch.subscriptions.count
      try self.store(batch, signed: signed)
    }
    return (try finish(), problems, subscriptionsRead)
  }

  /// Stores what was read (each feed's articles as a batch, then the subscriptions) and
  /// groups the new articles once.
  public static func store(_ loaded: ArticleLoader.Output, into store: Store) throws -> Result {
    let importer = Importer(store: store)
    try importer.store(loaded)
    return try importer.finish()
  }
}
