import ArgumentParser
import Foundation
import ParallaxCLI
import ParallaxCore

/// `parallax bench compare FILE`: alignment and word diff speed on long versions.
struct CompareBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Time the comparison of two long versions built from a JSON Lines corpus.",
    discussion: """
      Version A is consecutive articles' paragraphs up to --words words. Version B rewrites it: every third paragraph has every seventh word replaced, every tenth paragraph moves to the end, every fifteenth is dropped, and paragraphs from later articles are inserted. Prints the median of --runs timings for each size.
      """
  )

  @Argument(help: "A JSON Lines corpus, for example ../shared/data/corpus/reuters21578.jsonl.")
  var file: String

  @Option(parsing: .upToNextOption, help: "Version sizes in words.")
  var words: [Int] = [5000, 50000]

  @Option(help: "Timed runs per size.")
  var runs = 11

  func run() throws {
    let articles = ArticleLoader().load([file]).articles
    let paragraphs = articles.flatMap(\.paragraphs)
    for size in words {
      let (a, b) = Self.versions(paragraphs, words: size)
      var times: [Double] = []
      var comparison: Comparison?
      for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        comparison = Comparator().compare(a, b)
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
      }
      times.sort()
      func median(_ work: () -> Void) -> Double {
        var t: [Double] = []
        for _ in 0..<runs {
          let start = DispatchTime.now().uptimeNanoseconds
          work()
          t.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        return t.sorted()[t.count / 2]
      }
      let align = median { _ = ParagraphAligner().align(left: a.paragraphs, right: b.paragraphs) }
      let facts = median { _ = FactExtractor.extract(a) }
      let kinds = Dictionary(grouping: comparison!.rows, by: \.kind).mapValues(\.count)
      print(
        String(
          format: "%6d words (%d and %d paragraphs): median %.1f ms, min %.1f ms, max %.1f ms over %d runs; rows: %@",
          size, a.paragraphs.count, b.paragraphs.count, times[times.count / 2], times[0], times[times.count - 1], runs,
          ComparisonRow.Kind.allCases.map { "\($0.rawValue) \(kinds[$0] ?? 0)" }.joined(separator: ", ")))
      print(String(format: "        parts, one core each: alignment %.1f ms, facts of one side %.1f ms", align, facts))
    }
  }

  static func versions(_ paragraphs: [String], words: Int) -> (Article, Article) {
    var a: [String] = []
    var count = 0
    var index = 0
    while count < words && index < paragraphs.count {
      a.append(paragraphs[index])
      count += paragraphs[index].split(separator: " ").count
      index += 1
    }
    var b: [String] = []
    var moved: [String] = []
    for (i, p) in a.enumerated() {
      if i % 15 == 14 { continue }
      var text = p
      if i % 3 == 0 {
        text = p.split(separator: " ").enumerated().map { $0 % 7 == 6 ? "changed" : String($1) }.joined(separator: " ")
      }
      if i % 10 == 9 { moved.append(text) } else { b.append(text) }
      if i % 20 == 19 && index < paragraphs.count {
        b.append(paragraphs[index])
        index += 1
      }
    }
    b += moved
    return (
      Article(id: "a", title: "A", body: a.joined(separator: "\n\n")),
      Article(id: "b", title: "B", body: b.joined(separator: "\n\n"))
    )
  }
}
