import Foundation

/// Reads a reply as the APIs give it, JSON, and says in one line what else came: a rate
/// limit, an HTTP error, an HTML page (a login form, a proxy's page), anything not JSON.
struct ServerReplyReader {
  let url: String

  /// The reply's JSON object.
  func object(_ reply: ServerReply) throws -> [String: Any] {
    switch reply.status {
    case 200..<300: break
    case 429: throw ServerProblem(.rateLimited(retryAfter: reply.retryAfter), url: url)
    case 401, 403:
      if looksLikeHTML(reply) { throw ServerProblem(.notTheAPI("an HTML page (HTTP \(reply.status))"), url: url) }
      throw ServerProblem(.refusedLogin, url: url)
    case 404: throw ServerProblem(.notTheAPI("HTTP 404 (nothing there: a wrong url, or the API is off)"), url: url)
    default:
      if looksLikeHTML(reply) { throw ServerProblem(.notTheAPI("an HTML page (HTTP \(reply.status))"), url: url) }
      throw ServerProblem(.http(reply.status), url: url)
    }
    if looksLikeHTML(reply) { throw ServerProblem(.notTheAPI("an HTML page"), url: url) }
    guard let value = try? JSONSerialization.jsonObject(with: reply.body, options: [.fragmentsAllowed]) else {
      throw ServerProblem(.malformed("not JSON (\(Self.opening(reply.body)))"), url: url)
    }
    guard let object = value as? [String: Any] else {
      throw ServerProblem(.malformed("JSON that is not an object"), url: url)
    }
    return object
  }

  func looksLikeHTML(_ reply: ServerReply) -> Bool {
    if let type = reply.contentType?.lowercased(), type.contains("html") { return true }
    let start = String(decoding: reply.body.prefix(64), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      .lowercased()
    return start.hasPrefix("<!doctype html") || start.hasPrefix("<html")
  }

  /// The reply's first characters, printable, for a message.
  static func opening(_ body: Data) -> String {
    if body.isEmpty { return "an empty reply" }
    let text = String(decoding: body.prefix(40), as: UTF8.self).unicodeScalars.map {
      $0.properties.generalCategory == .control ? " " : String($0)
    }.joined()
    return "\"" + text.trimmingCharacters(in: .whitespaces) + (body.count > 40 ? "…" : "") + "\""
  }
}
