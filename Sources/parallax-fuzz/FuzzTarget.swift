import Foundation
import ParallaxCore

/// The readers fuzzed by `Tests/Fuzz/run.sh`, one per input format. Each takes bytes from
/// the fuzzer and must return without crashing, hanging or leaking control characters.
enum FuzzTarget: String, CaseIterable {
  case text, jsonl, feed, jsonfeed, opml, urls, html, encoding

  /// Reads `data` as this target's format.
  func run(_ data: Data) {
    switch self {
    case .text:
      if case .text(let text) = TextDecoder.decode(data) { _ = PlainTextReader.read(text, id: "fuzz") }
    case .jsonl:
      _ = JSONLinesReader.read(data, path: "fuzz", maxLineBytes: 1 << 20)
    case .feed, .jsonfeed, .opml:
      if let output = try? FeedReader.read(data, url: "https://example.org/feed") {
        for article in output.articles {
          precondition(!article.title.unicodeScalars.contains(where: HTMLText.isControl), "control in a title")
          precondition(!article.body.unicodeScalars.contains(where: HTMLText.isControl), "control in a body")
        }
      }
    case .urls:
      let text = String(decoding: data, as: UTF8.self)
      _ = FeedReader.readURLList(text)
      for query in NewsboatURLs(parsing: text).queries { _ = NewsboatQuery.translate(query.expression) }
      _ = NewsboatConfig(parsing: text).toml
    case .html:
      let page = HTMLPage(DocumentDecoder.decode(data, markup: .html).text)
      precondition(!page.text.unicodeScalars.contains(where: HTMLText.isControl), "control in page text")
    case .encoding:
      _ = DocumentDecoder.decode(data, httpCharset: nil, markup: .xml)
      _ = DocumentDecoder.decode(data, httpCharset: "shift_jis", markup: .html)
      _ = DocumentDecoder.decode(data, httpCharset: "iso-2022-jp", markup: .xml)
    }
  }

  /// The target named by `PARALLAX_FUZZ_TARGET` (default `feed`).
  static var current: FuzzTarget {
    ProcessInfo.processInfo.environment["PARALLAX_FUZZ_TARGET"].flatMap(FuzzTarget.init(rawValue:)) ?? .feed
  }
}

#if FUZZING
  /// libFuzzer's driver, from the fuzzer runtime `-sanitize=fuzzer` links.
  @_silgen_name("LLVMFuzzerRunDriver")
  func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt

  /// The executable's entry (SwiftPM links `main` to `<module>_main`): hands over to libFuzzer,
  /// which calls back with each input.
  @_cdecl("parallax_fuzz_main")
  func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { bytes, size in
      FuzzTarget.current.run(bytes.map { Data(bytes: $0, count: size) } ?? Data())
      return 0
    }
  }
#else
  /// Without the fuzzer: `parallax-fuzz TARGET FILE...` replays inputs (crash regressions).
  @main
  struct ReplayFuzzInputs {
    static func main() throws {
      let arguments = CommandLine.arguments.dropFirst()
      guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
        FileHandle.standardError.write(Data("usage: parallax-fuzz \(names) FILE...\n".utf8))
        exit(2)
      }
      for path in arguments.dropFirst() {
        target.run(try Data(contentsOf: URL(fileURLWithPath: path)))
      }
      print("replayed \(arguments.count - 1) inputs through \(name)")
    }
  }
#endif
