import Foundation
import ParallaxStore
import ReaderServer

/// `parallax sync` (and the interface's `R`) with a reader server configured.
extension SyncRun {
  /// Syncs with the server: one line per step, a summary, and the exit status: 0 when
  /// everything went both ways, 1 when the server could not be used (the store as it was)
  /// or marks could not be sent (kept for the next sync).
  func runServer(_ account: ServerAccount, store: Store, printer: Printer) async throws -> Int32 {
    let network = HTTPTransport(timeout: settings.timeout, maxBytes: max(settings.maxBytes, 64 << 20))
    // The client is shut down before the sync returns, whatever happened.
    do {
      let status = try await runServer(account, store: store, printer: printer, network: network)
      await network.shutdown()
      return status
    } catch {
      await network.shutdown()
      throw error
    }
  }

  func runServer(_ account: ServerAccount, store: Store, printer: Printer, network: HTTPTransport) async throws
    -> Int32
  {
    let transport: any ServerTransport =
      settings.recordServerReplies.map { RecordingTransport(network, folder: $0) } ?? network
    let sync = ServerSync(server: account.server(transport: transport), identity: account.identity)
    let start = Date()
    let quiet = self.quiet
    let outcome: ServerSync.Outcome
    do {
      printer.progress(0, 1)
      outcome = try await sync.run(store) { line in if !quiet { printer.output("server: " + line) } }
      printer.progress(1, 1)
    } catch let problem as ServerProblem {
      let waiting = (try? store.serverCounts().waiting) ?? 0
      printer.error(
        "parallax: \(problem)"
          + (waiting > 0 ? " (\(waiting) read and star changes kept to send at the next sync)" : ""))
      return 1
    } catch let failure as Importer.Failure {
      printer.error("parallax: " + failure.message)
      return 1
    }
    if outcome.forgotten > 0 {
      printer.error(
        "parallax: another server was synced before: its \(outcome.forgotten) links were forgotten (articles, read state and stars are kept)"
      )
    }
    if !quiet {
      let t = outcome.taken
      let conflicts = t.keptHere > 0 ? " (\(t.keptHere) conflicts: the change made here kept)" : ""
      let seconds = String(format: "%.1f", Date().timeIntervalSince(start))
      printer.output(
        "\(account.url): \(outcome.feeds) feeds: \(outcome.added) new articles (\(outcome.items) items, "
          + "\(outcome.alreadyStored) already stored); from the server \(t.read) read, \(t.unread) unread, "
          + "\(t.starred) starred, \(t.unstarred) unstarred; sent \(outcome.sent) changes\(conflicts); "
          + "\(outcome.requests) requests in \(seconds) s")
    }
    if let problem = outcome.sendProblem {
      printer.error("parallax: \(problem): \(outcome.waiting) read and star changes kept to send at the next sync")
      return 1
    }
    return 0
  }
}
