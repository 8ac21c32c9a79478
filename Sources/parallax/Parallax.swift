import ArgumentParser

/// The `parallax` command: a terminal news reader that groups rewrites of one story.
@main
struct Parallax: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "parallax",
    abstract: "Read the news offline and see how each story was rewritten.",
    discussion: """
      With paths and no command, Parallax reads the articles and shows their stories.
      Inputs: plain-text files (first line is the title), folders of them (read recursively,
      hidden files skipped), and JSON Lines files (.jsonl: id, text, optional title, source,
      published, url). Problems with an input are reported on standard error; the rest loads.
      The exit status is 1 when an input or line was skipped.
      """,
    version: "0.1.0",
    subcommands: [Open.self, Stories.self, Compare.self, Pair.self, Eval.self, EvalSentences.self, Bench.self],
    defaultSubcommand: Open.self
  )
}
