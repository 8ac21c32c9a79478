/// A newsboat `urls` file, every line accounted for: feeds with their tags, `"~Title"`
/// renames and `!` hiding; `query:NAME:EXPR` lines (newsboat's query feeds); `exec:` and
/// `filter:` feeds (whose command output is the feed); comments and blank lines. A line
/// that cannot be read is a problem naming its line number, never dropped in silence.
///
/// Fields are separated by spaces; a field in double quotes may hold spaces, and `\"` a quote
/// (as newsboat reads them).
public struct NewsboatURLs: Sendable, Equatable {
  /// One feed line.
  public struct Feed: Sendable, Equatable {
    public var url: String
    public var tags: [String]
    /// From a `~Title` tag.
    public var title: String?
    /// From a `!` tag: newsboat hides the feed from its list (its articles still show in
    /// query feeds).
    public var hidden: Bool
    public var line: Int

    public init(url: String, tags: [String], title: String?, hidden: Bool, line: Int) {
      (self.url, self.tags, self.title, self.hidden, self.line) = (url, tags, title, hidden, line)
    }
  }

  /// A `query:NAME:EXPR` line.
  public struct Query: Sendable, Equatable {
    public var name: String
    public var expression: String
    public var tags: [String]
    public var line: Int

    public init(name: String, expression: String, tags: [String], line: Int) {
      (self.name, self.expression, self.tags, self.line) = (name, expression, tags, line)
    }
  }

  /// A line not taken, and why.
  public struct Skipped: Sendable, Equatable {
    public var line: Int
    public var text: String
    public var reason: String
  }

  public var feeds: [Feed] = []
  public var queries: [Query] = []
  public var skipped: [Skipped] = []

  public init(parsing text: String) {
    for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let number = offset + 1
      let line = String(raw).trimmingSpaces
      if line.isEmpty || line.hasPrefix("#") { continue }
      guard let fields = Self.fields(line), let first = fields.first else {
        skipped.append(Skipped(line: number, text: line, reason: "a quote is left open"))
        continue
      }
      let tags = Array(fields.dropFirst())
      if first.hasPrefix("query:") {
        let rest = first.dropFirst("query:".count)
        guard let colon = rest.firstIndex(of: ":"), !rest[..<colon].isEmpty, !rest[rest.index(after: colon)...].isEmpty
        else {
          skipped.append(Skipped(line: number, text: line, reason: "a query needs a name and an expression"))
          continue
        }
        queries.append(
          Query(
            name: String(rest[..<colon]), expression: String(rest[rest.index(after: colon)...]), tags: tags,
            line: number))
      } else if first.hasPrefix("exec:") || first.hasPrefix("filter:") {
        skipped.append(
          Skipped(
            line: number, text: line,
            reason:
              "\(first.hasPrefix("exec:") ? "exec:" : "filter:") feeds run a command; Parallax runs no commands from imported files (add the feed's address instead)"
          ))
      } else if WebLink.isWeb(first) {
        var feed = Feed(url: first, tags: [], title: nil, hidden: false, line: number)
        for tag in tags {
          if tag.hasPrefix("~") {
            feed.title = String(tag.dropFirst())
          } else if tag == "!" || tag.hasPrefix("!") {
            feed.hidden = true
            if tag.count > 1 { feed.tags.append(String(tag.dropFirst())) }
          } else {
            feed.tags.append(tag)
          }
        }
        feeds.append(feed)
      } else {
        skipped.append(
          Skipped(line: number, text: line, reason: "not an http(s) address, a query: or an exec:/filter: line"))
      }
    }
  }

  /// Space-separated fields; double quotes group, `\"` is a quote inside them. Nil when a
  /// quote is left open.
  static func fields(_ line: String) -> [String]? {
    var out: [String] = []
    var current = ""
    var quoted = false
    var inField = false
    var escaped = false
    for c in line {
      if escaped {
        current.append(c)
        escaped = false
      } else if quoted && c == "\\" {
        escaped = true
      } else if c == "\"" {
        quoted.toggle()
        inField = true
      } else if !quoted && (c == " " || c == "\t") {
        if inField { out.append(current) }
        current = ""
        inField = false
      } else {
        current.append(c)
        inField = true
      }
    }
    guard !quoted else { return nil }
    if inField { out.append(current) }
    return out
  }
}

extension String {
  fileprivate var trimmingSpaces: String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
    return String(s)
  }
}
