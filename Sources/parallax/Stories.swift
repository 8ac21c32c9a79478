import ArgumentParser
import ParallaxCLI
import ParallaxCore

/// `parallax stories`: group the inputs into stories and print them.
struct Stories: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Group articles into stories (versions of one report) and threads (reports of one developing story) and print them.",
    discussion: """
      text: each thread of two or more reports as a `thread:` line (title, number of reports, thread id) with its reports indented under it, oldest first; each report (story) as a block (title, number of versions, story id), then each member's source and title. json: {"articles", "stories": [{"id", "title", "size", "thread", "threadLink", "members": [{"id", "story", "thread", "title", "source", "published", "score", "evidence"}]}], "threads": [{"id", "title", "reports"}]}. jsonl: one line per article: {"id", "story", "thread", "title"}; id is the input's id, or the file path relative to the folder argument (the file name for a file argument).
      """
  )

  @OptionGroup var input: InputOptions

  @Option(help: "Output format: text, json or jsonl.")
  var format: OutputFormat = .text

  @Flag(help: "With text output, show why each article belongs to its story and each report to its thread.")
  var explain = false

  func run() throws {
    let loaded = input.load()
    let stories = StoryGrouper().group(loaded.articles, explain: format == .json || explain)
    switch format {
    case .text:
      Terminal.print(StoryReport.text(stories, articles: loaded.articles, explain: explain))
    case .json:
      Terminal.printJSON(try JSONOutput.encode(StoryReport.document(stories, articles: loaded.articles), pretty: true))
    case .jsonl:
      for line in StoryReport.lines(stories, articles: loaded.articles) {
        Terminal.printJSON(try JSONOutput.encode(line, pretty: false))
      }
    }
    if loaded.skippedSomething { throw ExitCode(1) }
  }
}
