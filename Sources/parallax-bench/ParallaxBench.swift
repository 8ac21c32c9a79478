import ArgumentParser

/// `parallax-bench`: the measurements and evaluations behind the numbers in the docs, kept
/// out of the product binary. Build with `-c release`.
@main
struct ParallaxBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "parallax-bench",
    abstract: "Measure Parallax's speed and quality on research data (use a release build).",
    discussion: """
      grouping, compare and interface time the engine on a corpus; eval, eval-sentences and pairs score grouping and the sentence decision on labelled files. Research data is read by path (../shared/data/...) and never copied.
      """,
    subcommands: [
      GroupingBench.self, CompareBench.self, InterfaceBench.self, Eval.self, EvalSentences.self, Pairs.self,
      ReadBench.self, PagesBench.self, Resurface.self,
    ]
  )
}
