import ArgumentParser
import Foundation
import ParallaxApp
import ParallaxCLI
import ParallaxCore
import ParallaxStore
import StoreLibrary
import TerminalModel

/// `parallax bench interface FILE`: key press to frame, with a corpus loaded.
struct InterfaceBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "interface",
    abstract: "Time key press to frame (update, render, frame diff) with a corpus loaded, or over a store.",
    discussion: """
      Loads and groups the corpus (or, with --store, opens a store as the interface does), then replays a key sequence (moves, pages, search, open, compare, back) on a 120×40 screen, timing for each key the update, the render into a buffer and the diff against the previous frame: what happens between a key and the cells sent to the terminal. Then times the daily loop's heavier keys the same way: the feeds screen (f, and q back), a filter (F, typed, Enter; then Esc), the unread-only view (U on, U off) and the threads view (T on, T off), each --rounds times; medians are printed. The first frame of the seeds from process start is measured by Tests/Scripts/bench-first-frame.sh.
      """
  )

  @Argument(help: "A JSON Lines corpus, for example ../shared/data/corpus/reuters21578.jsonl (not with --store).")
  var file: String?

  @Option(help: "A store to open instead of a corpus (for example one built by Tests/Scripts/bench-store.sh).")
  var store: String?

  @Option(help: "The filter typed for the filter timing.")
  var filter = "oil OR unread versions>1"

  @Option(help: "How many times to replay the key sequence.")
  var rounds = 20

  func validate() throws {
    if (file == nil) == (store == nil) { throw ValidationError("give a corpus FILE or --store PATH") }
  }

  func run() throws {
    var state: AppState
    if let store {
      let start = Date()
      let library = try StoreLibrary(store: try Store(path: store))
      print(
        String(
          format: "store %@: %d articles, %d stories (opened in %.1f ms)", store, library.articleCount,
          library.storyCount, Date().timeIntervalSince(start) * 1000))
      state = AppState(library: library, width: 120, height: 40)
    } else {
      let loaded = ArticleLoader().load([file!])
      let start = Date()
      let stories = StoryGrouper().group(loaded.articles)
      print(
        String(
          format: "%d articles, %d stories (grouped in %.2f s)", loaded.articles.count, stories.count,
          Date().timeIntervalSince(start)))
      state = AppState(articles: loaded.articles, stories: stories, width: 120, height: 40)
    }
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
    // The daily loop's heavier keys, each timed to its frame.
    func time(_ key: Key) -> Double {
      let t0 = DispatchTime.now().uptimeNanoseconds
      _ = state.apply(.key(key))
      _ = Renderer.render(state).diff(from: previous)
      return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
    }
    var feeds: [Double] = []
    var filters: [Double] = []
    var clears: [Double] = []
    var unread: [Double] = []
    var threads: [Double] = []
    for _ in 0..<rounds {
      feeds.append(time(.character("f")))
      _ = time(.character("q"))
      _ = time(.character("F"))
      for c in filter { _ = state.apply(.key(.character(c))) }
      filters.append(time(.enter))
      clears.append(time(.escape))
      unread.append(time(.character("U")))
      unread.append(time(.character("U")))
      threads.append(time(.character("T")))
      threads.append(time(.character("T")))
    }
    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    _ = state.apply(.key(.character("F")))
    for c in filter { _ = state.apply(.key(.character(c))) }
    _ = state.apply(.key(.enter))
    let matched = state.library.storyCount
    _ = state.apply(.key(.escape))
    _ = state.apply(.key(.character("T")))
    let threadRows = state.library.storyCount
    _ = state.apply(.key(.character("T")))
    print(
      String(
        format:
          "feeds screen (f): median %.2f ms; filter \"%@\" (%d stories): median %.2f ms, clearing it %.2f ms; unread-only toggle (U): median %.2f ms; threads toggle (T, %d threads): median %.2f ms",
        median(feeds), filter, matched, median(filters), median(clears), median(unread), threadRows,
        median(threads)))
  }
}
