/// A filter over stories as the user types it after `F`: terms separated by spaces are all
/// required, `OR` separates alternatives (`unread feed:bbc OR starred`). Terms: words
/// (full-text, all of them; `"a phrase"` in quotes), `unread`, `starred`, `feed:NAME`
/// (a feed whose title or address contains NAME), `source:NAME` (an outlet whose name
/// contains NAME), `tag:NAME` (a feed tagged NAME, as newsboat tags feeds), `after:DATE`
/// and `before:DATE` (`YYYY-MM-DD`, by the newest version), `age<N` (a version from the
/// last N days), `versions>N` (also `<`, `>=`, `<=`, `=`), `reports>N` (the story's thread
/// has more than N reports; the same comparisons). Matching ignores case.
public struct StoryQuery: Sendable, Hashable {
  /// One required condition.
  public enum Term: Sendable, Hashable {
    case words([String])
    case unread
    case starred
    case feed(String)
    case source(String)
    case tag(String)
    /// A version from the last N days.
    case age(Int)
    case after(String)
    case before(String)
    case versions(Comparison, Int)
    /// The number of reports of the story's thread.
    case reports(Comparison, Int)
  }

  /// How `versions` compares.
  public enum Comparison: String, Sendable, Hashable, CaseIterable {
    case greater = ">"
    case less = "<"
    case greaterOrEqual = ">="
    case lessOrEqual = "<="
    case equal = "="

    public func holds(_ a: Int, _ b: Int) -> Bool {
      switch self {
      case .greater: return a > b
      case .less: return a < b
      case .greaterOrEqual: return a >= b
      case .lessOrEqual: return a <= b
      case .equal: return a == b
      }
    }
  }

  /// A problem in what was typed, in words.
  public struct ParseError: Error, Equatable, CustomStringConvertible {
    public var description: String

    public init(description: String) { self.description = description }
  }

  /// Alternatives, each a list of required terms.
  public var alternatives: [[Term]]
  /// The text as typed (trimmed), for the title line.
  public var text: String

  /// Parses a filter.
  /// - Throws: ``ParseError`` naming the term it could not read.
  public init(parsing input: String) throws {
    text = input.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    var alternatives: [[Term]] = [[]]
    var words: [String] = []
    func flushWords() {
      if !words.isEmpty { alternatives[alternatives.count - 1].append(.words(words)) }
      words = []
    }
    for token in try Self.tokens(input) {
      if token.quoted {
        let phrase = token.text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if !phrase.isEmpty { words.append(phrase) }
        continue
      }
      let raw = token.text
      let lower = raw.lowercased()
      if raw == "OR" {
        flushWords()
        guard !(alternatives.last ?? []).isEmpty else { throw ParseError(description: "OR needs a term on each side") }
        alternatives.append([])
        continue
      }
      if lower == "unread" {
        alternatives[alternatives.count - 1].append(.unread)
      } else if lower == "starred" {
        alternatives[alternatives.count - 1].append(.starred)
      } else if let value = Self.value(lower, of: "feed:") {
        guard !value.isEmpty else { throw ParseError(description: "feed: needs a name (feed:bbc)") }
        alternatives[alternatives.count - 1].append(.feed(value))
      } else if let value = Self.value(lower, of: "source:") {
        guard !value.isEmpty else { throw ParseError(description: "source: needs a name (source:reuters)") }
        alternatives[alternatives.count - 1].append(.source(value))
      } else if let value = Self.value(lower, of: "tag:") {
        guard !value.isEmpty else { throw ParseError(description: "tag: needs a name (tag:news)") }
        alternatives[alternatives.count - 1].append(.tag(value))
      } else if let value = Self.value(lower, of: "age<") {
        guard let days = Int(value), days >= 0 else {
          throw ParseError(description: "\(raw): age is compared with a number of days (age<7)")
        }
        alternatives[alternatives.count - 1].append(.age(days))
      } else if let value = Self.value(lower, of: "after:") {
        alternatives[alternatives.count - 1].append(.after(try Self.date(value, term: raw)))
      } else if let value = Self.value(lower, of: "before:") {
        alternatives[alternatives.count - 1].append(.before(try Self.date(value, term: raw)))
      } else if lower.hasPrefix("versions") {
        alternatives[alternatives.count - 1].append(try Self.versions(lower, term: raw))
      } else if lower.hasPrefix("reports"), let term = try Self.count(lower, of: "reports", term: raw) {
        alternatives[alternatives.count - 1].append(.reports(term.0, term.1))
      } else {
        words.append(lower)
      }
    }
    flushWords()
    guard let last = alternatives.last, !last.isEmpty else {
      throw ParseError(description: alternatives.count > 1 ? "OR needs a term on each side" : "an empty filter")
    }
    self.alternatives = alternatives
  }

  /// `feed:x` → `x`; an empty value is an error for the caller to name.
  static func value(_ token: String, of prefix: String) -> String? {
    guard token.hasPrefix(prefix) else { return nil }
    return String(token.dropFirst(prefix.count))
  }

  /// A `YYYY-MM-DD` date (a year or a month also do: `2026`, `2026-11`).
  static func date(_ value: String, term: String) throws -> String {
    let parts = value.split(separator: "-", omittingEmptySubsequences: false)
    let valid =
      (1...3).contains(parts.count) && parts[0].count == 4 && parts.dropFirst().allSatisfy { $0.count == 2 }
      && parts.allSatisfy { $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    guard valid else { throw ParseError(description: "\(term): a date is written YYYY-MM-DD") }
    return value
  }

  /// `reports>3` and the like: the comparison and the number; nil when `token` is only a
  /// word that starts with `name` (`reportsfrom`), an error when the number is missing.
  static func count(_ token: String, of name: String, term: String) throws -> (Comparison, Int)? {
    let rest = token.dropFirst(name.count)
    for comparison in Comparison.allCases.sorted(by: { $0.rawValue.count > $1.rawValue.count })
    where rest.hasPrefix(comparison.rawValue) {
      guard let n = Int(rest.dropFirst(comparison.rawValue.count)), n >= 0 else {
        throw ParseError(description: "\(term): \(name) is compared with a number (\(name)>2)")
      }
      return (comparison, n)
    }
    return nil
  }

  /// `versions>3`, `versions>=2`, `versions=1`.
  static func versions(_ token: String, term: String) throws -> Term {
    let rest = token.dropFirst("versions".count)
    for comparison in Comparison.allCases.sorted(by: { $0.rawValue.count > $1.rawValue.count })
    where rest.hasPrefix(comparison.rawValue) {
      guard let n = Int(rest.dropFirst(comparison.rawValue.count)), n >= 0 else {
        throw ParseError(description: "\(term): versions is compared with a number (versions>2)")
      }
      return .versions(comparison, n)
    }
    throw ParseError(description: "\(term): write versions>N, versions<N or versions=N")
  }

  /// Space-separated tokens; double quotes group a phrase.
  static func tokens(_ input: String) throws -> [(text: String, quoted: Bool)] {
    var out: [(String, Bool)] = []
    var current = ""
    var inQuote = false
    for c in input {
      if c == "\"" {
        if inQuote {
          out.append((current, true))
          current = ""
        } else if !current.isEmpty {
          out.append((current, false))
          current = ""
        }
        inQuote.toggle()
      } else if !inQuote && (c == " " || c == "\t") {
        if !current.isEmpty { out.append((current, false)) }
        current = ""
      } else {
        current.append(c)
      }
    }
    guard !inQuote else { throw ParseError(description: "a quote is left open") }
    if !current.isEmpty { out.append((current, false)) }
    return out.map { (text: $0.0, quoted: $0.1) }
  }
}
