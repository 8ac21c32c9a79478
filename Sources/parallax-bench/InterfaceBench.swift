import ArgumentParser
import Foundation
import ParallaxApp
import ParallaxCLI
import ParallaxCore
import TerminalModel

/// `parallax bench interface FILE`: key press to frame, with a corpus loaded.
struct InterfaceBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "interface",
    abstract: "Time key press to frame (update, render, frame diff) with a corpus loaded.",
    discussion: """
      Loads and groups the corpus, then replays a key sequence (moves, pages, search, open, compare, back) on a 120×40 screen, timing for each key the update, the render into a buffer and the diff against the previous frame: what happens between a key and the cells sent to the terminal. The first frame of the seeds from process start is measured by Tests/Scripts/bench-first-frame.sh.
      """
  )

  @Argument(help: "A JSON Lines corpus, for example ../shared/data/corpus/reuters21578.jsonl.")
  var file: String

  @Option(help: "How many times to replay the key sequence.")
  var rounds = 20

  func run() throws {
    let loaded = ArticleLoader().load([file])
    let start = Date()
    let stories = StoryGrouper().group(loaded.articles)
    print(
      String(
        format: "%d articles, %d stories (grouped in %.2f s)", loaded.articles.count, stories.count,
        Date().timeIntervalSince(start)))
    var state = AppState(articles: loaded.articles, stories: stories, width: 120, height: 40)
    var previous = Renderer.render(state)
    let keys: [Key] =
      Array(repeating: .character("j"), count: 30) + [
        .character(" "), .character(" "), .character("G"), .character("g"),
      ]
      + [.character("/")] + "oil".map { .character($0) } + [
        .enter, .character("n"), .enter, .character("j"), .character("q"),
      ]
      + Array(repeating: .character("k"), count: 10)
    var times: [Double] = []
    for _ in 0..<rounds {
      for key in keys {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let effects = state.apply(.key(key))
        let frame = Renderer.render(state)
        _ = frame.diff(from: previous)
        times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
        previous = frame
        for case .compare(let l, let r) in effects {
          _ = state.apply(
            .comparisonReady(
              Comparator().compare(state.library.article(l), state.library.article(r)), left: l, right: r))
        }
      }
      while state.screens.count > 1 { _ = state.apply(.back) }
    }
    times.sort()
    print(
      String(
        format: "key to frame over %d keys: median %.3f ms, p95 %.3f ms, max %.3f ms", times.count,
        times[times.count / 2], times[times.count * 95 / 100], times[times.count - 1]))
  }
}
