/// newsboat's filter expressions (`query:` feeds) in Parallax's filter language
/// (``StoryQuery``), for the expressions newsboat users write most: `unread = "yes"`,
/// `flags # "s"` (any flag: flagged items become starred), `tags # "news"`, `feedurl = "…"`
/// or `=~`, `title =~ "words"` (the words anywhere in the story), `age < N` / `age <= N`,
/// joined by `and` and `or`. Anything else (negations, parentheses, regular expressions,
/// other attributes) is refused with the reason, never translated wrongly.
public enum NewsboatQuery {
  /// The filter text for `expression`, or why there is none.
  public static func translate(_ expression: String) -> Result<String, TranslationError> {
    var tokens: [String] = []
    do { tokens = try tokenize(expression) } catch { return .failure(error) }
    var out: [String] = []
    var i = 0
    while i < tokens.count {
      let token = tokens[i]
      let lower = token.lowercased()
      if lower == "and" {
        i += 1
        continue
      }
      if lower == "or" {
        out.append("OR")
        i += 1
        continue
      }
      if token == "(" || token == ")" {
        return .failure(TranslationError(description: "parentheses are not translated"))
      }
      guard i + 2 < tokens.count else {
        return .failure(TranslationError(description: "\(token): expected ATTRIBUTE OPERATOR VALUE"))
      }
      let (attribute, op, value) = (lower, tokens[i + 1], tokens[i + 2])
      i += 3
      switch (attribute, op) {
      case ("unread", "="), ("unread", "=="):
        guard value == "yes" else {
          return .failure(TranslationError(description: "unread = \"\(value)\": only unread = \"yes\" is translated"))
        }
        out.append("unread")
      case ("flags", "#"), ("flags", "=~"):
        out.append("starred")
      case ("tags", "#"), ("tags", "="):
        guard !value.contains(" ") else { return .failure(TranslationError(description: "a tag with spaces")) }
        out.append("tag:" + value.lowercased())
      case ("feedurl", "="), ("feedurl", "=="), ("feedurl", "=~"), ("feedurl", "#"):
        guard isPlain(value, allowing: ":/.-_?=&%~") else {
          return .failure(TranslationError(description: "feedurl \(op) \"\(value)\": a pattern, not an address"))
        }
        out.append("feed:" + value.lowercased())
      case ("title", "=~"), ("title", "="), ("title", "#"), ("content", "=~"):
        guard isPlain(value, allowing: " '-") else {
          return .failure(TranslationError(description: "\(attribute) \(op) \"\(value)\": a regular expression"))
        }
        out.append("\"" + value.lowercased() + "\"")
      case ("age", "<"), ("age", "<="):
        guard let days = Int(value), days >= 0 else {
          return .failure(TranslationError(description: "age \(op) \(value): a number of days"))
        }
        out.append("age<" + String(op == "<=" ? days + 1 : days))
      default:
        return .failure(TranslationError(description: "\(attribute) \(op) …: not translated"))
      }
    }
    guard !out.isEmpty, out.first != "OR", out.last != "OR" else {
      return .failure(TranslationError(description: "an empty expression"))
    }
    return .success(out.joined(separator: " "))
  }

  /// Why an expression was not translated.
  public struct TranslationError: Error, Equatable, CustomStringConvertible {
    public var description: String
  }

  /// Letters, digits and the given characters only (no regular-expression syntax).
  static func isPlain(_ value: String, allowing extra: String) -> Bool {
    !value.isEmpty && value.allSatisfy { $0.isLetter || $0.isNumber || extra.contains($0) }
  }

  /// Words, operators and quoted strings.
  static func tokenize(_ text: String) throws(TranslationError) -> [String] {
    var out: [String] = []
    var current = ""
    var quoted = false
    var escaped = false
    func flush() {
      if !current.isEmpty { out.append(current) }
      current = ""
    }
    for c in text {
      if quoted {
        if escaped {
          current.append(c)
          escaped = false
        } else if c == "\\" {
          escaped = true
        } else if c == "\"" {
          out.append(current)
          current = ""
          quoted = false
        } else {
          current.append(c)
        }
      } else if c == "\"" {
        flush()
        quoted = true
      } else if c == " " || c == "\t" {
        flush()
      } else if c == "(" || c == ")" {
        flush()
        out.append(String(c))
      } else if "=!<>~#".contains(c) {
        if !current.isEmpty && !"=!<>~#".contains(current.last!) { flush() }
        current.append(c)
      } else {
        if let last = current.last, "=!<>~#".contains(last) { flush() }
        current.append(c)
      }
    }
    guard !quoted else { throw TranslationError(description: "a quote is left open") }
    flush()
    return out
  }
}
