import ArgumentParser
import ParallaxCore

/// The article inputs shared by commands that read files.
public struct InputOptions: ParsableArguments {
  @Argument(help: "Files or folders to read (plain text, .jsonl), or - for standard input.")
  public var paths: [String] = []

  public init() {}

  /// Loads the inputs, reporting problems on standard error.
  public func load() -> ArticleLoader.Output {
    let output = ArticleLoader().load(paths)
    Terminal.report(output.diagnostics)
    return output
  }
}
