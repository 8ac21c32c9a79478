import Foundation
import ParallaxStore

/// One `parallax sync` as the command runs it: takes the store's sync lock, syncs, prints a
/// line per feed and a summary (only errors with `quiet`), and decides the exit status:
/// 0 when every feed was fetched (or another sync was already running), 1 when any failed.
public struct SyncRun: Sendable {
  public var settings: SyncSettings
  /// Print only errors (for cron and timers).
  public var quiet = false
  /// Wait for another sync of the same store to finish instead of leaving at once.
  public var wait = false
  /// Sync only these feeds (addresses); nil for every subscription.
  public var only: Set<String>?

  public init(settings: SyncSettings = SyncSettings(), quiet: Bool = false, wait: Bool = false) {
    self.settings = settings
    self.quiet = quiet
    self.wait = wait
  }

  /// Where lines go: `output` for reports, `error` for problems (both already one line).
  public struct Printer: Sendable {
    public var output: @Sendable (String) -> Void
    public var error: @Sendable (String) -> Void
    /// Feeds done and the total, as each feed finishes (the interface's `3/12 feeds`).
    public var progress: @Sendable (Int, Int) -> Void

    public init(
      output: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void,
      progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) {
      self.output = output
      self.error = error
      self.progress = progress
    }
  }

  /// Syncs `store` and returns the exit status.
  public func run(_ store: Store, printer: Printer) async throws -> Int32 {
    let lock: StoreLock
    do {
      lock = try StoreLock(store: store.path, wait: wait)
    } catch let failure as StoreLock.Failure {
      if case .held = failure {
        printer.error("parallax: \(failure) on \(store.path): not starting a second one (--wait waits for it)")
        return 0
      }
      printer.error("parallax: \(failure) beside \(store.path)")
      return 1
    }
    defer { withExtendedLifetime(lock) {} }
    if let account = settings.server { return try await runServer(account, store: store, printer: printer) }
    let quiet = self.quiet
    let start = Date()
    let reports = try await Syncer(store: store, settings: settings).run(only: only) { report, done, total in
      printer.progress(done, total)
      switch report.status {
      case .updated(let added, let existing):
        if !quiet {
          printer.output(
            "[\(done)/\(total)] \(report.url): \(added) new, \(existing) already stored"
              + (report.pagesFetched > 0 ? ", \(report.pagesFetched) full pages" : ""))
          for note in report.pageNotes { printer.output("  page \(note)") }
        }
      case .notModified:
        if !quiet { printer.output("[\(done)/\(total)] \(report.url): not modified") }
      case .failed(let message):
        let line = "[\(done)/\(total)] \(report.url): FAILED: \(message)"
        if quiet { printer.error("parallax: " + line) } else { printer.output(line) }
      }
    }
    if reports.isEmpty {
      if !quiet {
        printer.output("no subscriptions: add some with parallax import FILE.opml (or a newsboat urls file)")
      }
      return 0
    }
    let added = reports.reduce(0) { sum, r in if case .updated(let a, _) = r.status { sum + a } else { sum } }
    let failed = reports.filter { if case .failed = $0.status { true } else { false } }.count
    if !quiet {
      printer.output(
        String(
          format: "%d feeds: %d new articles, %d failed, in %.1f s", reports.count, added, failed,
          Date().timeIntervalSince(start)))
    }
    if failed > 0 {
      printer.error("parallax: \(failed) of \(reports.count) feeds failed (their stored articles are kept)")
      return 1
    }
    return 0
  }
}
