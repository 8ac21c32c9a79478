import ArgumentParser
import CursesBackend
import ParallaxCore

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

  func run() throws {
    guard !input.paths.isEmpty else {
      throw ValidationError("give files or folders to read, for example: parallax seeds")
    }
    do {
      let status = try Interface.run(paths: input.paths)
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
