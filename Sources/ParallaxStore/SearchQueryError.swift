import Foundation

/// A search query the full-text index cannot read, explained in words a person can act on
/// (SQLite says `fts5: syntax error near "…"`).
public struct SearchQueryError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The query as given.
  public var query: String
  /// What is wrong and what to do.
  public var explanation: String

  public init(query: String, explanation: String) {
    self.query = query
    self.explanation = explanation
  }

  /// The explanation for SQLite's error `message` about `query` (the search's SQL is fixed,
  /// so every SQLite error of the search is about the query).
  public init(query: String, sqliteMessage message: String) {
    self.query = query
    let hint = "a query is words, \"exact phrases\", prefix* and AND, OR, NOT between them"
    if message.hasPrefix("fts5: syntax error near ") {
      let token = Self.quoted(in: message) ?? ""
      if token.isEmpty {
        explanation = "the query ends where more was expected (after AND, OR, NOT or an opening parenthesis?); \(hint)"
      } else {
        explanation =
          "\"\(token)\" cannot stand there; to search for it as written, put it in double quotes: "
          + Self.quotedChunk(of: query, holding: token) + "; \(hint)"
      }
    } else if message.hasPrefix("no such column: ") {
      let field = String(message.dropFirst("no such column: ".count))
      explanation =
        "\"\(field)\" reads as a field name (a word before a colon or after a dash), and only title and body are fields; "
        + "to search for the words as written, put them in double quotes: "
        + Self.quotedChunk(of: query, holding: field)
    } else if message.contains("unterminated string") {
      explanation = "a double quote is not closed; close it, or leave it out"
    } else if message.contains("unknown special query") {
      explanation = "a query cannot start with *; put * after the start of a word (interest*)"
    } else {
      explanation = (message.hasPrefix("fts5: ") ? String(message.dropFirst(6)) : message) + "; \(hint)"
    }
  }

  /// The whitespace-separated part of `query` holding `token`, in double quotes (inner
  /// double quotes doubled, as FTS5 escapes them).
  static func quotedChunk(of query: String, holding token: String) -> String {
    let chunk =
      query.split(whereSeparator: \.isWhitespace).first { $0.localizedCaseInsensitiveContains(token) }.map(String.init)
      ?? token
    return "\"" + chunk.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  public var description: String { "cannot search for \(query): \(explanation)" }

  /// The first double-quoted part of `text`.
  static func quoted(in text: String) -> String? {
    guard let open = text.firstIndex(of: "\""), let close = text[text.index(after: open)...].lastIndex(of: "\"") else {
      return nil
    }
    return String(text[text.index(after: open)..<close])
  }
}
