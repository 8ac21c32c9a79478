import ArgumentParser
import CursesBackend
import ParallaxCore
import ParallaxStore

/// `parallax [PATH...]`: the main job, the full-screen interface over the given inputs.
struct Open: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "open",
    abstract: "Open the full-screen interface over files and folders (the default command).",
    discussion: """
      Needs a terminal. Keys: j/k or arrows move, Enter opens, c compares, / searches, n/N repeat, ]/[ next/previous difference, Tab switches pane, s swaps sides, Space/b page, g/G top/bottom, ? help, q back (quits from the story list). For text output, use parallax stories PATH...
      """
  )

  @OptionGroup var input: InputOptions
  @OptionGroup var storeOptions: StoreOptions

  func run() throws {
    do {
      let status: Int32
      if input.paths.isEmpty {
        let store = try storeOptions.open()
        status = try Interface.run {
          let rows = (try? store.allArticles()) ?? []
          return ArticleLoader.Output(articles: rows.map(\.article), diagnostics: [])
        }
      } else {
        let paths = input.paths
        status = try Interface.run { ArticleLoader().load(paths) }
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
