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
          post(.loaded(library, [], paths.isEmpty ? nil : "importing \(paths.count) inputs…"))
          guard !paths.isEmpty else {
            if library.storyCount == 0 {
              post(.changed("the store is empty: add articles with parallax import PATH (or parallax PATH)"))
            }
            return
          }
          var problems: [LoadDiagnostic] = []
          do {
            // newsboat's folders and files are a migration, as with parallax import.
            let (newsboat, others) = NewsboatImporter.partition(paths)
            var notes: [String] = []
            for sources in newsboat {
              let s = try NewsboatImporter(store: store).run(sources)
              notes.append(
                "newsboat: \(s.articlesAdded) articles, \(s.read) read, \(s.starred) starred"
                  + (s.skipped.isEmpty ? "" : ", \(s.skipped.count) lines not taken (parallax import lists them)"))
            }
            let importer = Importer(store: store)
            let (result, read, _) = try importer.importPaths(others)
            problems = read
            post(.loaded(library, problems, nil))
            post(
              .changed(
                (notes
                  + (others.isEmpty ? [] : ["imported: \(result.added) new, \(result.alreadyStored) already stored"]))
                  .joined(separator: "; ")))
            // The store may hold thousands of older stories: land on what was imported.
            if let first = try? store.firstStory(holding: importer.rowIDs) { post(.land(first)) }
          } catch let failure as Importer.Failure {
            post(.loaded(library, problems, nil))
            post(.changed(failure.problem.description + ": " + failure.outcome))
          } catch {
            post(.loaded(library, problems, nil))
            post(.changed("import failed: \(error)"))
          }
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
