import ArgumentParser
import Foundation
import GRDB
import ParallaxApp
import ParallaxCLI
import ParallaxCore
import ParallaxStore

/// The `parallax` command: a terminal news reader that groups rewrites of one story.
@main
struct Parallax: AsyncParsableCommand {
  /// Every key of the interface with what it does, from the action table the keys are
  /// dispatched from (as the help screen is).
  static let keys = ActionTable.specs.map { spec in
    spec.keys.map(\.name).joined(separator: "/") + " " + spec.help
  }.joined(separator: "; ")

  static let configuration = CommandConfiguration(
    commandName: "parallax",
    abstract: "Read the news offline and see how each story was rewritten.",
    discussion: """
      parallax PATH... imports the given files and folders into the offline store and opens the full-screen interface over the store (parallax alone opens the store as it is; --no-store reads the files into memory only): a story list (each developing story once, as a thread of its reports, by default; T lists every report, rewrites of one report grouped with their number of versions), a thread screen, a feeds screen, a versions timeline, a reader, and a side-by-side comparison of two versions. Each story is read once: it comes back as unread only when a new version adds a quote, a number or an attribution, or a new report joins its thread. Keys (the defaults; config.toml rebinds them): \(Self.keys).

      Shell completion: parallax --generate-completion-script bash|zsh|fish prints a completion script (see the README).

      Inputs: plain-text files (the first non-empty line is the title), folders (read recursively, hidden files skipped), JSON Lines files (.jsonl, .ndjson: id, text, and optional title, source, published, url), HTML pages (.html), and RSS, Atom or JSON Feed files (.rss, .atom, .xml, .json). - reads standard input. Problems with an input are reported on standard error and the rest loads.

      Examples: parallax seeds; parallax stories seeds --format jsonl; parallax compare seeds/003_a8b5cb1c08fb6ba8.txt seeds/004_23ba3fd990788c7e.txt; parallax eval labelled.jsonl

      Store: parallax import adds files, feeds and subscription lists; parallax sync fetches the subscribed feeds; parallax search, list, stats, feeds and export query it; parallax regroup regroups it from scratch.

      Files: $XDG_DATA_HOME/parallax/parallax.sqlite (default $HOME/.local/share/parallax/parallax.sqlite): the offline store. $XDG_CONFIG_HOME/parallax/config.toml (default $HOME/.config/parallax/config.toml): key bindings and colours (see docs/user-guide.md). STORE.sync-lock beside the store: held while a sync runs.

      Environment: HOME (the passwd entry's home only when HOME is unset) and XDG_DATA_HOME, XDG_CONFIG_HOME place the files above; PARALLAX_STORE names another store file (as --store does); NO_COLOR turns colour off; PARALLAX_HYPERLINKS=1 or 0 forces OSC 8 links on or off; PARALLAX_NO_MOUSE=1 leaves the mouse to the terminal; TERM must name a known terminal for the interface.

      Exit status: 0 on success; 1 when an input or line was skipped, when some feeds failed to sync, when the store cannot be used (full disk, read-only, locked, written by a newer Parallax: one line says which and what became of the data), on a config error, or when the interface cannot start (no terminal, unknown TERM); 2 on a usage error (an unknown option, a bad value, an empty or malformed search query); 128 + N when stopped by signal N.
      """,
    version: ParallaxVersion.current,
    subcommands: [
      Open.self, Stories.self, Compare.self, Import.self, Sync.self, Feeds.self, Search.self, List.self, Stats.self,
      Export.self, Regroup.self, Extract.self,
      Pair.self,
    ],
    defaultSubcommand: Open.self
  )

  /// Runs the command. A usage error exits 2 (as `grep` and `newsboat` do, instead of the
  /// parser's 64); a problem with the store is one line in the house style and exit 1.
  static func main() async {
    do {
      var command = try parseAsRoot()
      if var command = command as? AsyncParsableCommand {
        try await command.run()
      } else {
        try command.run()
      }
    } catch {
      fail(error)
    }
  }

  static func fail(_ error: any Error) -> Never {
    if let failure = error as? Importer.Failure {
      Terminal.error(failure.message)
      Foundation.exit(1)
    }
    if let problem = error as? StoreProblem {
      Terminal.error(problem.message())
      Foundation.exit(1)
    }
    if let error = error as? DatabaseError {
      Terminal.error("parallax: the store failed: \(error.message ?? "\(error.resultCode)")")
      Foundation.exit(1)
    }
    if exitCode(for: error) == .validationFailure {
      var message = fullMessage(for: error)
      if message.hasPrefix("Error: ") { message = "parallax: " + message.dropFirst("Error: ".count) }
      Terminal.error(message)
      Foundation.exit(2)
    }
    exit(withError: error)
  }
}
