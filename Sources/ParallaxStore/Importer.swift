import Foundation
import ParallaxCore

/// Stores what was read: articles with their feed as provenance, subscriptions; then groups
/// the new articles once.
public enum Importer {
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

  public static func store(_ loaded: ArticleLoader.Output, into store: Store) throws -> Result {
    var total = Result()
    let start = Date()
    var byFeed: [String?: [Article]] = [:]
    for (article, feed) in zip(loaded.articles, loaded.articleFeeds) { byFeed[feed, default: []].append(article) }
    do {
      for (feed, articles) in byFeed.sorted(by: { ($0.key ?? "") < ($1.key ?? "") }) {
        let result = try store.add(articles, feed: feed, regroup: false)
        total.added += result.added
        total.alreadyStored += result.alreadyStored
      }
      total.subscriptionsAdded = try store.subscribe(loaded.subscriptions)
    } catch {
      throw Failure(problem: StoreProblem(error, path: store.path), storedBefore: total.added, whileGrouping: false)
    }
    total.storeSeconds = Date().timeIntervalSince(start)
    do {
      total.grouping = try store.groupPending()
    } catch {
      throw Failure(problem: StoreProblem(error, path: store.path), storedBefore: total.added, whileGrouping: true)
    }
    return total
  }
}
