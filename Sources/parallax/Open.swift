import ArgumentParser
import ParallaxCore

/// `parallax [PATH...]`: the main job. Until the terminal interface lands it prints the stories.
struct Open: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "open",
    abstract: "Read the given files and folders and show their stories (the default command)."
  )

  @OptionGroup var input: InputOptions

  func run() throws {
    guard !input.paths.isEmpty else {
      throw ValidationError("give files or folders to read, for example: parallax seeds")
    }
    let loaded = input.load()
    let stories = StoryGrouper().group(loaded.articles)
    Terminal.print(StoryReport.text(stories, articles: loaded.articles, explain: false))
    if loaded.skippedSomething { throw ExitCode(1) }
  }
}
