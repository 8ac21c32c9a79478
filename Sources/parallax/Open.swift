import ArgumentParser
import CursesBackend
import Foundation
import ParallaxApp
import ParallaxCLI
import ParallaxCore
import ParallaxStore
import StoreLibrary

/// `parallax [PATH...]`: the main job, the full-screen interface over the store (after
/// importing the given inputs), or over the inputs alone with `--no-store`.
struct Open: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "open",
    abstract:
      "Open the full-screen interface over the store, importing the given files and folders first (the default command).",
    discussion: """
      Needs a terminal. With no paths it opens the store as it is; with paths it shows the store at once and imports them in the background (new stories appear when the import is done). --no-store reads the paths into memory only and stores nothing. The interface touches the network only when asked (p in the reader fetches a summary's full page). Keys: as listed by parallax --help and by ? in the interface (docs/user-guide.md has them all). For text output, use parallax stories PATH...
      """
  )

  @OptionGroup var input: InputOptions
  @OptionGroup var storeOptions: StoreOptions

  @Flag(help: "Read the paths into memory only; do not touch the store.")
  var noStore = false

  func validate() throws {
    if noStore && input.paths.isEmpty { throw ValidationError("--no-store needs files or folders to read") }
  }

  func run() throws {
    do {
      let status: Int32
      if noStore {
        let paths = input.paths
        status = try Interface.run { post in
          let loaded = ArticleLoader().load(paths)
          let stories = StoryGrouper().group(loaded.articles)
          post(.loaded(MemoryLibrary(articles: loaded.articles, stories: stories), loaded.diagnostics, nil))
        }
      } else {
        let store = try storeOptions.open()
        let paths = input.paths
        let library = try StoreLibrary(store: store)
        status = try Interface.run(
          startMessage: paths.isEmpty ? "opening the store…" : "importing…", store: store
        ) { post in
          OpenImport.run(paths: paths, store: store, library: library, post: post)
        }
      }
      if status != 0 { throw ExitCode(status) }
    } catch let error as CursesTerminal.StartError {
      Terminal.error("parallax: \(error)")
      throw ExitCode(1)
    } catch let error as Interface.ConfigError {
      Terminal.error("parallax: \(error)")
      throw ExitCode(1)
    }
  }
}
