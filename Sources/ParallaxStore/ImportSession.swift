import Foundation
import ParallaxCore

/// The one front door for importing paths, used by `parallax import` and `parallax
/// PATH...`: newsboat's folders and files (and a `--read-list`) go to the newsboat
/// migration, everything else is read, stored and grouped by one ``Importer``.
public struct ImportSession: Sendable {
  /// What an import did.
  public struct Outcome: Sendable {
    /// Each newsboat migration's summary, in order.
    public var newsboat: [NewsboatImporter.Summary] = []
    /// The other inputs' import, when there were any.
    public var result: Importer.Result?
    /// Problems reading the other inputs (listed as they were found, too).
    public var problems: [LoadDiagnostic] = []
    /// Subscriptions read from OPML and `urls` lists among the other inputs.
    public var subscriptionsRead = 0
    /// Row ids of every article the other inputs held, new or already stored.
    public var rowIDs: [Int64] = []
  }

  /// newsboat's sources among the paths (a read list joins the last, or stands alone).
  public let newsboat: [NewsboatImporter.Sources]
  /// The other paths.
  public let others: [String]

  public init(paths: [String], readList: String? = nil) {
    var (newsboat, others) = NewsboatImporter.partition(paths)
    if let readList {
      if newsboat.isEmpty {
        newsboat.append(NewsboatImporter.Sources(readList: readList))
      } else {
        newsboat[newsboat.count - 1].readList = readList
      }
    }
    self.newsboat = newsboat
    self.others = others
  }

  /// Runs the import into `store`: each newsboat migration first (`onNewsboat` gets its
  /// summary as it ends), then the other paths (`diagnostics` gets each batch's problems
  /// as they are found). A failure is thrown as it came (``Importer/Failure``,
  /// ``StoreProblem``, a newsboat error), after what was done before it is kept.
  public func run(
    into store: Store, onNewsboat: (NewsboatImporter.Summary) -> Void = { _ in },
    diagnostics: ([LoadDiagnostic]) -> Void = { _ in }
  ) throws -> Outcome {
    var outcome = Outcome()
    for sources in newsboat {
      let summary = try NewsboatImporter(store: store).run(sources)
      outcome.newsboat.append(summary)
      onNewsboat(summary)
    }
    guard !others.isEmpty else { return outcome }
    let importer = Importer(store: store)
    let (result, problems, subscriptionsRead) = try importer.importPaths(others, diagnostics: diagnostics)
    outcome.result = result
    outcome.problems = problems
    outcome.subscriptionsRead = subscriptionsRead
    outcome.rowIDs = importer.rowIDs
    return outcome
  }
}
