import ArgumentParser
import Foundation
import ParallaxApp
import ParallaxCLI
import ParallaxCore
import ParallaxStore

/// `parallax import`: add files and folders to the store.
struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Add articles from files and folders (plain text, JSON Lines, - for standard input) to the store.",
    discussion: """
      Inputs: plain text, JSON Lines, HTML pages (.html: the readable text of the page's <article> or <main> when it marks one, else the body without scripts, navigation, headers, footers and asides), feed files (RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 as .rss/.atom/.xml/.rdf, in any encoding a browser reads, broken XML read as far as it goes; JSON Feed 1.x as .json) and subscription lists (OPML as .opml). newsboat: a newsboat folder (~/.newsboat, ~/.config/newsboat with ~/.local/share/newsboat, or any folder holding urls or cache.db), or its files alone (urls, cache.db), moves a newsboat user over: feeds with tags, ~titles and ! hiding, query: lines as saved filters, every article of cache.db with its read state and flags (flagged become starred; the cache is opened read-only), --read-list (newsboat -E FILE) as read state, and the config settings that mean something here (browser, bind-key) written to a new config.toml or printed to add; every line not taken is listed with its reason. Importing is idempotent: an article already stored (same link, or same id when it has no link) is not added again, but an article carried by a second feed is recorded as belonging to both. Files are read, stored and grouped in batches, so memory does not grow with the input. The new articles are grouped into stories incrementally (only the stories they touch are recomputed); -v prints how long reading, storing and grouping took.
      """
  )

  @OptionGroup var input: InputOptions
  @OptionGroup var storeOptions: StoreOptions

  @Flag(name: .shortAndLong, help: "Print how long reading, storing and grouping took (on standard error).")
  var verbose = false

  @Option(help: "newsboat's read-article export (newsboat -E FILE): marks those articles read.")
  var readList: String?

  func run() throws {
    guard !input.paths.isEmpty else { throw ValidationError("give files or folders to import") }
    let store: Store
    do {
      store = try storeOptions.open()
    } catch let problem as StoreProblem {
      Terminal.error(problem.message(outcome: "nothing from this import was stored"))
      throw ExitCode(1)
    }
    // newsboat's folders and files go to the newsboat migration; the rest is read as usual.
    let session = ImportSession(paths: input.paths, readList: readList)
    var status: Int32 = 0
    let start = Date()
    let outcome: ImportSession.Outcome
    do {
      outcome = try session.run(
        into: store, onNewsboat: { status = max(status, printNewsboat($0)) }, diagnostics: { Terminal.report($0) })
    } catch let failure as Importer.Failure {
      Terminal.error(failure.message)
      throw ExitCode(1)
    } catch let problem as StoreProblem {
      Terminal.error(problem.message(outcome: "what was imported before it is kept"))
      throw ExitCode(1)
    } catch {
      Terminal.error("parallax: newsboat: \(error)")
      throw ExitCode(1)
    }
    guard let total = outcome.result else {
      if status != 0 { throw ExitCode(status) }
      return
    }
    let (problems, subscriptionsRead) = (outcome.problems, outcome.subscriptionsRead)
    let readSeconds =
      Date().timeIntervalSince(start) - total.storeSeconds
      - (total.grouping.candidateSeconds + total.grouping.scoreSeconds + total.grouping.clusterSeconds)
    let subscribed = total.subscriptionsAdded
    var summary = "added \(total.added), already stored \(total.alreadyStored)"
    if subscriptionsRead > 0 {
      summary += "; subscriptions: \(subscribed) new of \(subscriptionsRead)"
    }
    Terminal.print(summary)
    if total.grouping.repairedSignatures > 0 {
      Terminal.error(
        "parallax: \(total.grouping.repairedSignatures) stored articles had damaged signatures; "
          + "they were signed again from their text")
    }
    if verbose {
      let g = total.grouping
      Terminal.error(
        String(
          format:
            "read %.1f s; stored %.1f s; grouped %d articles (%d identical copies) in %.1f s (candidates %.1f s: %d pairs; scores %.1f s: %d kept; clusters %.1f s: %d articles reclustered)",
          readSeconds, total.storeSeconds, g.articles, g.copies, g.candidateSeconds + g.scoreSeconds + g.clusterSeconds,
          g.candidateSeconds, g.candidatePairs, g.scoreSeconds, g.edges, g.clusterSeconds, g.reclustered))
    }
    if problems.contains(where: { $0.severity == .skipped }) { throw ExitCode(1) }
  }

  /// Prints what a newsboat import did; returns 1 when lines were skipped (as for any input
  /// skipped), else 0.
  func printNewsboat(_ s: NewsboatImporter.Summary) -> Int32 {
    Terminal.print(
      "newsboat: \(s.feeds) feeds (\(s.feedsNew) new), \(s.articlesAdded) articles added (\(s.articlesAlreadyStored) already stored), \(s.read) read, \(s.unread) unread, \(s.starred) starred, \(s.filters.count) saved filters"
    )
    for filter in s.filters { Terminal.print("  saved filter \(filter)") }
    for line in s.skipped { Terminal.print("  skipped \(line)") }
    for line in s.config { Terminal.print("  config \(line)") }
    if !s.configTOML.isEmpty {
      let path = Interface.configPath
      if let problem = (try? Config(parsing: s.configTOML)) == nil ? configProblem(s.configTOML) : nil {
        Terminal.print("  the settings carried over do not fit together (\(problem)); not written:")
        for line in s.configTOML.split(separator: "\n") { Terminal.print("    " + line) }
      } else if FileManager.default.fileExists(atPath: path) {
        Terminal.print("  add to \(path) what was carried over:")
        for line in s.configTOML.split(separator: "\n") { Terminal.print("    " + line) }
      } else {
        do {
          try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
          try ("# Carried over from newsboat's config by parallax import.\n" + s.configTOML).write(
            toFile: path, atomically: true, encoding: .utf8)
          // A password carried over (ttrss-password) is kept private, or sync refuses it.
          let holdsPassword = s.configTOML.split(separator: "\n").contains { $0.hasPrefix("password =") }
          if holdsPassword { try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path) }
          Terminal.print(
            "  wrote \(path) with what was carried over"
              + (holdsPassword ? " (private: it holds the server password)" : ""))
        } catch {
          Terminal.error("parallax: cannot write \(path): \(error.localizedDescription); add by hand:")
          for line in s.configTOML.split(separator: "\n") { Terminal.error("    " + line) }
        }
      }
    }
    return s.skipped.isEmpty ? 0 : 1
  }

  /// Why config text does not parse.
  func configProblem(_ text: String) -> String {
    do {
      _ = try Config(parsing: text)
      return ""
    } catch {
      return "\(error)"
    }
  }
}
