import Foundation

/// Reads articles from files and folders: plain text (one article per file) and JSON Lines
/// (`.jsonl`, `.ndjson`: one article per line). Folders are read recursively, hidden files
/// and folders skipped, in path order. Problems never stop the load: each is reported as a
/// ``LoadDiagnostic`` and everything else still loads.
public struct ArticleLoader: Sendable {
  /// Files larger than this (other than JSON Lines, which are read line by line) are skipped.
  public var maxFileBytes = 16 << 20
  /// JSON Lines lines longer than this are skipped.
  public var maxLineBytes = 16 << 20

  public init() {}

  /// Everything read from the inputs.
  public struct Output: Sendable {
    public var articles: [Article] = [] {
      didSet { articleFeeds += Array(repeating: nil, count: max(0, articles.count - articleFeeds.count)) }
    }
    public var diagnostics: [LoadDiagnostic] = []
    /// For each article, the feed it came from (its address, or `file://` path), if any.
    public var articleFeeds: [String?] = []
    /// Subscription addresses read from OPML or `urls` files.
    public var subscriptions: [String] = []

    public init(articles: [Article] = [], diagnostics: [LoadDiagnostic] = []) {
      self.articles = articles
      self.diagnostics = diagnostics
      articleFeeds = Array(repeating: nil, count: articles.count)
    }

    /// Whether any input or line was skipped (the exit status reflects this).
    public var skippedSomething: Bool { diagnostics.contains { $0.severity == .skipped } }
  }

  /// Reads all `paths`. A path of `-` reads JSON Lines or plain text from standard input.
  public func load(_ paths: [String]) -> Output {
    var output = Output()
    for path in paths { load(path, into: &output) }
    return output
  }

  /// Reads `paths` a batch at a time: `body` gets what was read as soon as it holds at least
  /// `batchArticles` articles (whole files at a time; each file's articles stay together),
  /// and the rest at the end, so that memory holds one batch, not the whole input.
  public func stream(_ paths: [String], batchArticles: Int, _ body: (Output) throws -> Void) rethrows {
    var output = Output()
    func flush() throws {
      guard !output.articles.isEmpty || !output.diagnostics.isEmpty || !output.subscriptions.isEmpty else { return }
      try body(output)
      output = Output()
    }
    for path in paths {
      if path == "-" || Self.isDirectory(path) != true {
        load(path, into: &output)
        if output.articles.count >= batchArticles { try flush() }
      } else {
        for relative in Self.files(under: path) {
          loadFile(atPath: (path as NSString).appendingPathComponent(relative), id: relative, into: &output)
          if output.articles.count >= batchArticles { try flush() }
        }
      }
    }
    try flush()
  }

  /// Whether `path` is a folder (nil when nothing is there).
  static func isDirectory(_ path: String) -> Bool? {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
    return isDirectory.boolValue
  }

  func load(_ path: String, into output: inout Output) {
    if path == "-" {
      loadData(FileHandle.standardInput.readDataToEndOfFile(), path: "-", id: "stdin", into: &output)
      return
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      output.diagnostics.append(LoadDiagnostic(path: path, message: "no such file or folder", severity: .skipped))
      return
    }
    if isDirectory.boolValue {
      for relative in Self.files(under: path) {
        loadFile(atPath: (path as NSString).appendingPathComponent(relative), id: relative, into: &output)
      }
    } else {
      loadFile(atPath: path, id: (path as NSString).lastPathComponent, into: &output)
    }
  }

  /// Non-hidden regular files under `root`, as paths relative to it, sorted.
  static func files(under root: String) -> [String] {
    let url = URL(fileURLWithPath: root)
    guard
      let enumerator = FileManager.default.enumerator(
        at: url, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
    else { return [] }
    var result: [String] = []
    let base = url.standardizedFileURL.path
    for case let file as URL in enumerator {
      guard (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
      var relative = file.standardizedFileURL.path
      if relative.hasPrefix(base) { relative.removeFirst(base.count) }
      while relative.hasPrefix("/") { relative.removeFirst() }
      if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
      result.append(relative)
    }
    return result.sorted()
  }

  /// The kind of input a path names, by extension (and the newsboat file name `urls`).
  enum InputKind { case jsonLines, feed, jsonFeed, opml, urlList, html, text }

  static func kind(of path: String) -> InputKind {
    let name = (path as NSString).lastPathComponent.lowercased()
    if name == "urls" { return .urlList }
    switch (path as NSString).pathExtension.lowercased() {
    case "jsonl", "ndjson": return .jsonLines
    case "rss", "atom", "xml", "rdf": return .feed
    case "json": return .jsonFeed
    case "opml": return .opml
    case "html", "htm", "xhtml": return .html
    default: return .text
    }
  }

  /// Whether `path` names a JSON Lines file.
  static func isJSONLines(_ path: String) -> Bool {
    let ext = (path as NSString).pathExtension.lowercased()
    return ext == "jsonl" || ext == "ndjson"
  }

  func loadFile(atPath path: String, id: String, into output: inout Output) {
    func report(_ message: String, _ severity: LoadDiagnostic.Severity = .skipped, line: Int? = nil) {
      output.diagnostics.append(LoadDiagnostic(path: path, line: line, message: message, severity: severity))
    }
    let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    let jsonLines = Self.isJSONLines(path)
    if !jsonLines && size > maxFileBytes {
      report("file of \(Self.megabytes(size)) is larger than the \(Self.megabytes(maxFileBytes)) limit for one article")
      return
    }
    guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe) else {
      report("cannot be read")
      return
    }
    switch Self.kind(of: path) {
    case .feed, .jsonFeed, .opml:
      loadFeed(data, path: path, into: &output)
    case .urlList:
      output.subscriptions += FeedReader.readURLList(String(decoding: data, as: UTF8.self))
    case .html:
      loadHTML(data, path: path, id: id, into: &output)
    default:
      loadData(data, path: path, id: id, jsonLines: jsonLines, into: &output)
    }
  }

  /// A feed file: its articles (with the file as their feed) or its subscriptions.
  func loadFeed(_ data: Data, path: String, into output: inout Output) {
    do {
      let origin = URL(fileURLWithPath: path).absoluteString
      let feed = try FeedReader.read(data, url: origin)
      for warning in feed.warnings {
        output.diagnostics.append(LoadDiagnostic(path: path, message: warning, severity: .warning))
      }
      output.articles += feed.articles
      for index in (output.articles.count - feed.articles.count)..<output.articles.count {
        output.articleFeeds[index] = origin
      }
      output.subscriptions += feed.subscriptions
      if feed.articles.isEmpty && feed.subscriptions.isEmpty {
        output.diagnostics.append(LoadDiagnostic(path: path, message: "feed holds no items", severity: .warning))
      }
    } catch {
      output.diagnostics.append(LoadDiagnostic(path: path, message: "\(error)", severity: .skipped))
    }
  }

  /// An HTML page: its article as a reader view finds it (``HTMLPage``): headline, text,
  /// authors and date. A page that is no article is still read, with a warning saying why.
  func loadHTML(_ data: Data, path: String, id: String, into output: inout Output) {
    let decoded = DocumentDecoder.decode(data, markup: .html)
    if decoded.encoding.isASCIICompatible && TextDecoder.looksBinary(data) {
      output.diagnostics.append(LoadDiagnostic(path: path, message: "binary file, not text", severity: .skipped))
      return
    }
    for warning in decoded.warnings {
      output.diagnostics.append(LoadDiagnostic(path: path, message: warning, severity: .warning))
    }
    let html = decoded.text
    let page = HTMLPage(html)
    guard let article = Article(page: page, id: id) else {
      output.diagnostics.append(LoadDiagnostic(path: path, message: "no readable text", severity: .skipped))
      return
    }
    output.articles.append(article)
    if !page.isArticle, let reason = page.notArticleReason {
      output.diagnostics.append(
        LoadDiagnostic(path: path, message: "may not be an article: \(reason); read anyway", severity: .warning))
    }
  }

  /// Reads one input's bytes; standard input is JSON Lines when it starts with `{`.
  func loadData(_ data: Data, path: String, id: String, jsonLines: Bool? = nil, into output: inout Output) {
    func report(_ message: String, _ severity: LoadDiagnostic.Severity = .skipped, line: Int? = nil) {
      output.diagnostics.append(LoadDiagnostic(path: path, line: line, message: message, severity: severity))
    }
    let jsonLines = jsonLines ?? (data.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 }) == UInt8(ascii: "{"))
    if jsonLines {
      let result = JSONLinesReader.read(data, path: path, maxLineBytes: maxLineBytes)
      output.articles += result.articles
      output.diagnostics += result.diagnostics
      if result.articles.isEmpty && result.diagnostics.isEmpty { report("empty file") }
      return
    }
    let text: String
    switch TextDecoder.decode(data) {
    case .binary:
      report("binary file, not text")
      return
    case .text(let decoded):
      text = decoded
    case .repaired(let decoded, let offset, let line):
      text = decoded
      report("invalid UTF-8 at byte \(offset); undecodable bytes shown as \u{FFFD}", .warning, line: line)
    }
    guard let article = PlainTextReader.read(text, id: id) else {
      report("empty file")
      return
    }
    output.articles.append(article)
  }

  static func megabytes(_ bytes: Int) -> String {
    String(format: "%.1f MB", Double(bytes) / 1_048_576)
  }
}
