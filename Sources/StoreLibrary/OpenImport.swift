import ParallaxApp
import ParallaxCore
import ParallaxStore

/// `parallax PATH...` with a store: the stored stories are shown at once, the paths are
/// imported in the background (newsboat's folders and files as a migration, as `parallax
/// import` does), and the loop is told what changed, what could not be read and where the
/// import landed, without replacing what the user is looking at.
public enum OpenImport {
  /// Runs the import, posting to the interface loop as it goes.
  public static func run(
    paths: [String], store: Store, library: StoreLibrary, post: @Sendable (LoopMessage) -> Void
  ) {
    post(.loaded(library, [], paths.isEmpty ? nil : "importing \(paths.count) inputs…"))
    guard !paths.isEmpty else {
      if library.storyCount == 0 {
        post(.changed("the store is empty: add articles with parallax import PATH (or parallax PATH)"))
      }
      return
    }
    var problems: [LoadDiagnostic] = []
    do {
      let session = ImportSession(paths: paths)
      let outcome = try session.run(into: store, diagnostics: { problems += $0 })
      let notes = outcome.newsboat.map { s in
        "newsboat: \(s.articlesAdded) articles, \(s.read) read, \(s.starred) starred"
          + (s.skipped.isEmpty ? "" : ", \(s.skipped.count) lines not taken (parallax import lists them)")
      }
      post(.problems(outcome.problems))
      let imported = outcome.result.map { ["imported: \($0.added) new, \($0.alreadyStored) already stored"] } ?? []
      post(.changed((notes + imported).joined(separator: "; ")))
      // The store may hold thousands of older stories: land on what was imported.
      if let first = try? store.firstStory(holding: outcome.rowIDs) { post(.land(first)) }
    } catch let failure as Importer.Failure {
      post(.problems(problems))
      post(.changed(failure.problem.description + ": " + failure.outcome))
    } catch {
      post(.problems(problems))
      post(.changed("import failed: \(error)"))
    }
  }
}
