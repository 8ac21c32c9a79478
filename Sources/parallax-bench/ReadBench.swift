import ArgumentParser
import Foundation
import ParallaxCore

/// `parallax-bench read PATH...`: how fast feed and article files are read (bytes to
/// articles, no store, no grouping).
struct ReadBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "read",
    abstract: "Time reading files (feeds, pages, JSON Lines) into articles, without a store.",
    discussion: """
      Reads every PATH --runs times and prints the items read, the input's megabytes, and the minimum, median and maximum wall time with the median's items per second.
      """
  )

  @Argument(help: "Files or folders to read.")
  var paths: [String]

  @Option(help: "Timed runs.")
  var runs = 7

  func run() throws {
    var times: [Double] = []
    var items = 0
    var bytes = 0
    for path in paths {
      if let files = FileManager.default.enumerator(atPath: path),
        (try? FileManager.default.contentsOfDirectory(atPath: path)) != nil
      {
        for case let file as String in files {
          bytes += ((try? FileManager.default.attributesOfItem(atPath: path + "/" + file))?[.size] as? Int) ?? 0
        }
      } else {
        bytes += ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
      }
    }
    for _ in 0..<runs {
      let start = DispatchTime.now().uptimeNanoseconds
      let output = ArticleLoader().load(paths)
      times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
      items = output.articles.count
    }
    times.sort()
    let median = times[times.count / 2]
    print(
      String(
        format: "read %d items (%.1f MB) in min %.3f s, median %.3f s, max %.3f s: %.0f items/s at the median",
        items, Double(bytes) / 1e6, times[0], median, times[times.count - 1], Double(items) / median))
  }
}
