import ArgumentParser
import Foundation
import ParallaxStore
import ParallaxSync

/// `parallax sync`: fetch the subscribed feeds.
struct Sync: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Fetch every subscribed feed over HTTP(S) and store the new articles.",
    discussion: """
      Subscriptions come from parallax import of OPML or newsboat urls files. Requests are conditional (ETag, Last-Modified: an unchanged feed costs a 304), limited by --timeout, --max-redirects and --max-bytes, and run --concurrency at a time. Each feed's result is printed as it finishes ([done/total] address: result); a failing feed is reported, recorded on the feed (parallax feeds shows it), and never stops the others or touches stored articles. Stories are regrouped once at the end. --full-pages also fetches the linked page of new items that carry only a summary and keeps its readable text. The exit status is 1 when any feed failed. The interface never syncs by itself.
      """
  )

  @Option(help: "Seconds without data before a request fails (a whole request may take four times this).")
  var timeout: Double = 20

  @Option(help: "Redirects followed before a feed fails (a redirect loop fails at once).")
  var maxRedirects = 5

  @Option(help: "Largest response accepted, in bytes.")
  var maxBytes = 10 << 20

  @Option(help: "Feeds fetched at the same time.")
  var concurrency = 4

  @Flag(help: "Fetch the linked page of new items shorter than --summary-words and keep its readable text.")
  var fullPages = false

  @Option(help: "Items with fewer words than this count as summaries for --full-pages.")
  var summaryWords = 150

  @OptionGroup var storeOptions: StoreOptions

  func validate() throws {
    guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
    guard maxRedirects >= 0 else { throw ValidationError("--max-redirects cannot be negative") }
    guard maxBytes > 0 else { throw ValidationError("--max-bytes must be positive") }
    guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1") }
  }

  func run() async throws {
    let store = try storeOptions.open()
    var settings = SyncSettings()
    settings.timeout = timeout
    settings.maxRedirects = maxRedirects
    settings.maxBytes = maxBytes
    settings.concurrency = concurrency
    settings.fullPages = fullPages
    settings.summaryWords = summaryWords
    let start = Date()
    let reports = try await Syncer(store: store, settings: settings).run { report, done, total in
      let status: String
      switch report.status {
      case .updated(let added, let existing):
        status =
          "\(added) new, \(existing) already stored"
          + (report.pagesFetched > 0 ? ", \(report.pagesFetched) full pages" : "")
      case .notModified: status = "not modified"
      case .failed(let message): status = "FAILED: \(message)"
      }
      Terminal.print("[\(done)/\(total)] \(report.url): \(status)")
    }
    if reports.isEmpty {
      Terminal.print("no subscriptions: add some with parallax import FILE.opml (or a newsboat urls file)")
      return
    }
    let added = reports.reduce(0) { sum, r in if case .updated(let a, _) = r.status { sum + a } else { sum } }
    let failed = reports.filter { if case .failed = $0.status { true } else { false } }.count
    Terminal.print(
      String(
        format: "%d feeds: %d new articles, %d failed, in %.1f s", reports.count, added, failed,
        Date().timeIntervalSince(start)))
    if failed > 0 {
      Terminal.error("parallax: \(failed) of \(reports.count) feeds failed (their stored articles are kept)")
      throw ExitCode(1)
    }
  }
}
