import ArgumentParser
import Foundation
import ParallaxCore

/// `parallax-bench pages DIR`: how fast the reader-view extractor reads web pages.
struct PagesBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pages",
    abstract: "Time the reader-view extractor over saved web pages (extraction only, no I/O).",
    discussion: """
      Loads every *.html file under DIR (for example ../shared/data/html/readability, whose \
      source.html pages are the test pages of Mozilla's Readability; expected.html files are \
      skipped) and decodes them first, then times parsing and extraction alone, --runs times. \
      Prints pages, megabytes, the minimum, median and maximum wall time, pages per second at \
      the median, and the process's peak resident memory.
      """
  )

  @Argument(help: "A folder of HTML pages.")
  var dir: String

  @Option(help: "Timed runs.")
  var runs = 5

  func run() throws {
    var pages: [String] = []
    var bytes = 0
    let files = FileManager.default.enumerator(atPath: dir)
    while let file = files?.nextObject() as? String {
      guard file.hasSuffix(".html"), !file.hasSuffix("expected.html") else { continue }
      let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + file))
      bytes += data.count
      pages.append(DocumentDecoder.decode(data, markup: .html).text)
    }
    guard !pages.isEmpty else { throw ValidationError("no .html pages under \(dir)") }
    var times: [Double] = []
    var words = 0
    for _ in 0..<runs {
      let start = DispatchTime.now().uptimeNanoseconds
      words = 0
      for page in pages { words += HTMLPage(page).text.split(separator: " ").count }
      times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    times.sort()
    let median = times[times.count / 2]
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    print(
      String(
        format:
          "extracted %d pages (%.1f MB, %d words) in min %.3f s, median %.3f s, max %.3f s: %.0f pages/s (%.1f MB/s) at the median; peak memory %.0f MB",
        pages.count, Double(bytes) / 1e6, words, times[0], median, times[times.count - 1], Double(pages.count) / median,
        Double(bytes) / 1e6 / median, Double(usage.ru_maxrss) / 1024))
  }
}
