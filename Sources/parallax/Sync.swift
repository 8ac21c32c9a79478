import ArgumentParser
import Foundation
import ParallaxCLI
import ParallaxCore
import ParallaxStore
import ParallaxSync
import ReaderServer

/// `parallax sync`: fetch the subscribed feeds.
struct Sync: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Fetch every subscribed feed over HTTP(S), or sync with a reader server, and store the new articles.",
    discussion: """
      Subscriptions come from parallax import of OPML or newsboat urls files. Requests are conditional (ETag, Last-Modified: an unchanged feed costs a 304), limited by --timeout, --max-redirects and --max-bytes, and run --concurrency at a time. Each feed's result is printed as it finishes ([done/total] address: result); a failing feed is reported, recorded on the feed (parallax feeds shows it), and never stops the others or touches stored articles. Stories are regrouped once at the end. --full-pages also fetches the linked page of new items that carry only a summary and keeps its readable text. Only one sync runs on a store at a time: a second one says so and exits 0 (--wait waits for the first). --quiet prints only errors, for cron and systemd timers. Exit status: 0 when every feed was fetched (or was unchanged), 1 when some feeds failed or the store failed, 2 on a usage error. The interface never syncs by itself. With a [server] table in config.toml (kind = "fever" or "ttrss", url, login, password-file or password-command) it syncs with that reader server instead (FreshRSS, Miniflux, Tiny Tiny RSS, Coldsweat): the server's feeds become the subscriptions (groups as tags), its new items are stored and grouped, read and starred state goes both ways (a story read here reads every version of it on the server; a change made here and not sent yet wins a conflict), and marks made while the server cannot be reached are kept for the next sync.
      """
  )

  @Option(
    help:
      "Seconds without data before a request fails (a whole request may take four times this; default: sync-timeout in config.toml, else 20)."
  )
  var timeout: Double?

  @Option(help: "Redirects followed before a feed fails (a redirect loop fails at once).")
  var maxRedirects = 5

  @Option(help: "Largest response accepted, in bytes.")
  var maxBytes = 10 << 20

  @Option(help: "Feeds fetched at the same time (default: sync-concurrency in config.toml, else 4).")
  var concurrency: Int?

  @Flag(help: "Fetch the linked page of new items shorter than --summary-words and keep its readable text.")
  var fullPages = false

  @Option(help: "Items with fewer words than this count as summaries for --full-pages.")
  var summaryWords = Article.summaryWords

  @Flag(help: "Print only errors, on standard error (for cron and timers).")
  var quiet = false

  @Flag(help: "When another sync of the same store is running, wait for it instead of leaving at once.")
  var wait = false

  @OptionGroup var storeOptions: StoreOptions

  func validate() throws {
    guard (timeout ?? 1) > 0 else { throw ValidationError("--timeout must be positive") }
    guard maxRedirects >= 0 else { throw ValidationError("--max-redirects cannot be negative") }
    guard maxBytes > 0 else { throw ValidationError("--max-bytes must be positive") }
    guard (concurrency ?? 1) >= 1 else { throw ValidationError("--concurrency must be at least 1") }
  }

  func run() async throws {
    let store = try storeOptions.open()
    var settings: SyncSettings
    do {
      let config = try Interface.loadConfig()
      settings = SyncSettings(config: config)
      try settings.readServer(config, store: store) { Terminal.error("parallax: warning: " + $0) }
    } catch let error as Interface.ConfigError {
      Terminal.error("parallax: \(error)")
      throw ExitCode(1)
    } catch let refusal as ServerPassword.Refusal {
      Terminal.error("parallax: \(refusal) (nothing was synced)")
      throw ExitCode(1)
    }
    if let timeout { settings.timeout = timeout }
    settings.maxRedirects = maxRedirects
    settings.maxBytes = maxBytes
    if let concurrency { settings.concurrency = concurrency }
    settings.fullPages = fullPages
    settings.summaryWords = summaryWords
    let run = SyncRun(settings: settings, quiet: quiet, wait: wait)
    let status = try await run.run(store, printer: .init(output: { Terminal.print($0) }, error: { Terminal.error($0) }))
    if status != 0 { throw ExitCode(status) }
  }
}
