import ArgumentParser
import Foundation
import ParallaxStore
import ParallaxSync

/// `parallax sync`: fetch the subscribed feeds.
struct Sync: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Fetch every subscribed feed over HTTP(S) and store the new articles.",
    discussion: """
      Subscriptions come from parallax import of OPML or newsboat urls files. Requests are conditional (ETag, Last-Modified: an unchanged feed costs a 304), limited by --timeout, --max-redirects and --max-bytes, and run --concurrency at a time. Each feed's result is printed as it finishes; a failing feed is reported, recorded on the feed, and never stops the others or touches stored articles. The exit status is 1 when any feed failed. The interface never syncs by itself.
      """
  )

  @Option(help: "Seconds without data before a request fails.")
  var timeout: Double = 20

  @Option(help: "Redirects followed before a feed fails.")
  var maxRedirects = 5

  @Option(help: "Largest response accepted, in bytes.")
  var maxBytes = 10 << 20

  @Option(help: "Feeds fetched at the same time.")
  var concurrency = 4

  @OptionGroup var storeOptions: StoreOptions

  func run() async throws {
    let store = try storeOptions.open()
    var settings = SyncSettings()
    settings.timeout = timeout
    settings.maxRedirects = maxRedirects
    settings.maxBytes = maxBytes
    settings.concurrency = concurrency
    let reports = try await Syncer(store: store, settings: settings).run { report, done, total in
      let status: String
      switch report.status {
      case .updated(let added, let existing): status = "\(added) new, \(existing) already stored"
      case .notModified: status = "not modified"
      case .failed(let message): status = "FAILED: \(message)"
      }
      Terminal.print("[\(done)/\(total)] \(report.url): \(status)")
    }
    if reports.isEmpty { Terminal.print("no subscriptions: add some with parallax import FILE.opml") }
    let failed = reports.filter { if case .failed = $0.status { return true } else { return false } }.count
    if failed > 0 {
      Terminal.error("parallax: \(failed) of \(reports.count) feeds failed")
      throw ExitCode(1)
    }
  }
}
