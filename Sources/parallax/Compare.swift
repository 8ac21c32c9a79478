import ArgumentParser
import Foundation
import ParallaxApp
import ParallaxCLI
import ParallaxCore
import TerminalModel

/// `parallax compare`: two versions side by side, aligned, with word changes and what only one has.
struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compare two versions of a story side by side.",
    discussion: """
      A and B are article files, or article ids when --in names the files or folders to look them up in. Paragraphs are aligned (moved ones too), words diffed inside aligned pairs, and what only one version has (quotes, numbers, names, attributions) is listed after. Gutter: = same, ~ changed, ↕ moved, - only left, + only right. Without colour, deleted words show as [-word-] and inserted ones as {+word+}. The JSON schema is in the user guide.
      """
  )

  @Argument(help: "The left version: a file, or an id with --in.")
  var a: String

  @Argument(help: "The right version: a file, or an id with --in.")
  var b: String

  @Option(name: .customLong("in"), help: "A file or folder to find the ids in (repeatable).")
  var inputs: [String] = []

  @Option(help: "Total width in columns (default: the terminal's, else $COLUMNS, else 100).")
  var width: Int?

  @Option(help: "Output format: text or json.")
  var format: OutputFormat = .text

  @Option(help: "Colour: auto (when standard output is a terminal and NO_COLOR is unset), always, never.")
  var color: ColorMode = .auto

  enum ColorMode: String, ExpressibleByArgument { case auto, always, never }

  func run() throws {
    let (left, right, skipped) = try loadPair()
    let comparison = Comparator().compare(left, right)
    switch format {
    case .json, .jsonl:
      Terminal.printJSON(try JSONOutput.encode(comparison, pretty: format == .json))
    case .text:
      let colour =
        color == .always
        || (color == .auto && Terminal.stdoutIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
      let total = width ?? Terminal.columns ?? 100
      for line in ComparisonText.render(comparison, width: max(20, total), colour: colour) {
        Terminal.printJSON(line)
      }
    }
    if skipped { throw ExitCode(1) }
  }

  /// The two articles: from files, or by id from `--in` inputs.
  func loadPair() throws -> (Article, Article, Bool) {
    if !inputs.isEmpty {
      let loaded = ArticleLoader().load(inputs)
      Terminal.report(loaded.diagnostics)
      func find(_ id: String) throws -> Article {
        guard let article = loaded.articles.first(where: { $0.id == id }) else {
          throw ValidationError("no article with id \(id) in \(inputs.joined(separator: ", "))")
        }
        return article
      }
      return (try find(a), try find(b), loaded.skippedSomething)
    }
    func single(_ path: String) throws -> (Article, Bool) {
      let loaded = ArticleLoader().load([path])
      Terminal.report(loaded.diagnostics)
      guard loaded.articles.count == 1 else {
        throw ValidationError(
          loaded.articles.isEmpty
            ? "\(path): no article read"
            : "\(path) holds \(loaded.articles.count) articles; give ids with --in \(path)")
      }
      return (loaded.articles[0], loaded.skippedSomething)
    }
    let (l, ls) = try single(a)
    let (r, rs) = try single(b)
    return (l, r, ls || rs)
  }
}
