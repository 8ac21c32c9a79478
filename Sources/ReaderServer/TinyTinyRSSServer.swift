import Foundation
import ParallaxCore
import Synchronization

/// The Tiny Tiny RSS API (what newsboat's `ttrss` speaks): JSON posted to `…/api/`, a
/// session from `login`, feeds with their category (`getFeeds`, `getCategories`), items from
/// `getHeadlines` with their content, paged by `skip` after a `since_id`; read and starred
/// state from the headlines of the unread and starred views; marks by `updateArticle`, many
/// items per request.
public final class TinyTinyRSSServer: ReaderServer {
  /// The API's address (ending in `/api/`).
  public let url: String
  let login: String
  let password: String
  let transport: any ServerTransport
  private let session = Mutex<String?>(nil)
  private let requests = Atomic(0)
  /// Headlines per request (the API's most).
  static let pageSize = 200

  public init(url: String, login: String, password: String, transport: any ServerTransport) {
    self.url = Self.apiURL(url)
    self.login = login
    self.password = password
    self.transport = transport
  }

  /// The API's address from an installation's (`https://host/tt-rss/` → `…/tt-rss/api/`) or
  /// the API's own.
  static func apiURL(_ given: String) -> String {
    var url = given.trimmingCharacters(in: .whitespaces)
    if url.hasSuffix("/api") { return url + "/" }
    if url.hasSuffix("/api/") { return url }
    if !url.hasSuffix("/") { url += "/" }
    return url + "api/"
  }

  public var requestCount: Int { requests.load(ordering: .relaxed) }

  /// Posts `op` with `fields`; the reply's `content` once `status` is 0. A lost session is
  /// opened again once.
  func call(_ op: String, _ fields: [String: Any] = [:], retry: Bool = true) async throws -> Any {
    var payload = fields
    payload["op"] = op
    if op != "login" {
      if session.withLock({ $0 }) == nil { try await logIn() }
      payload["sid"] = session.withLock { $0 } ?? ""
    }
    let body = try JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys])
    requests.add(1, ordering: .relaxed)
    let reply = try await transport.post(url, body: body, contentType: "application/json")
    let object = try ServerReplyReader(url: url).object(reply)
    guard let status = FeverServer.int(object["status"]) else {
      throw ServerProblem(.malformed("no \"status\" in the reply"), url: url)
    }
    if status != 0 {
      let error = (object["content"] as? [String: Any])?["error"] as? String ?? "status \(status)"
      switch error {
      case "LOGIN_ERROR": throw ServerProblem(.refusedLogin, url: url)
      case "API_DISABLED": throw ServerProblem(.apiDisabled, url: url)
      case "NOT_LOGGED_IN" where retry && op != "login":
        session.withLock { $0 = nil }
        return try await call(op, fields, retry: false)
      default: throw ServerProblem(.api(error), url: url)
      }
    }
    guard let content = object["content"] else {
      throw ServerProblem(.malformed("no \"content\" in the reply"), url: url)
    }
    return content
  }

  public func logIn() async throws {
    let content = try await call("login", ["user": login, "password": password])
    guard let id = (content as? [String: Any])?["session_id"] as? String, !id.isEmpty else {
      throw ServerProblem(.malformed("no session_id in the login reply"), url: url)
    }
    session.withLock { $0 = id }
  }

  public func feeds() async throws -> [ServerFeed] {
    let categories = try await call("getCategories", ["include_empty": true]) as? [[String: Any]] ?? []
    var title: [String: String] = [:]
    for category in categories {
      if let id = FeverServer.string(category["id"]), let name = category["title"] as? String { title[id] = name }
    }
    guard let feeds = try await call("getFeeds", ["cat_id": -3]) as? [[String: Any]] else {
      throw ServerProblem(.malformed("getFeeds gave no list"), url: url)
    }
    return feeds.compactMap { feed in
      guard let id = FeverServer.string(feed["id"]), let address = feed["feed_url"] as? String else { return nil }
      // Category 0 is "Uncategorized": no tag.
      let category = FeverServer.string(feed["cat_id"]).flatMap { $0 == "0" ? nil : title[$0] }
      return ServerFeed(
        id: id, title: feed["title"] as? String ?? "", url: address, tags: category.map { [$0] } ?? [])
    }
  }

  /// A cursor is `since/skip/highest`: the paging of the headlines after item `since`, and
  /// the highest id seen, where the next round starts.
  public func items(after cursor: String?) async throws -> ServerItemPage {
    let parts = (cursor ?? "0").split(separator: "/").compactMap { Int64($0) }
    let since = parts.first ?? 0
    let skip = parts.count > 1 ? parts[1] : 0
    var highest = parts.count > 2 ? parts[2] : since
    let headlines = try await headlines(
      [
        "feed_id": -4, "view_mode": "all_articles", "show_content": true, "since_id": since, "skip": skip,
        "order_by": "date_reverse",
      ])
    let items = headlines.compactMap { line -> ServerItem? in
      guard let id = FeverServer.string(line["id"]), let number = Int64(id) else { return nil }
      highest = max(highest, number)
      let kept = KeptFeedItem(
        guid: line["guid"] as? String ?? "", title: line["title"] as? String ?? "",
        author: line["author"] as? String ?? "", url: line["link"] as? String ?? "",
        published: FeverServer.int64(line["updated"]) ?? 0, content: line["content"] as? String ?? "")
      return ServerItem(
        id: id, feedID: FeverServer.string(line["feed_id"]) ?? "", item: kept, isRead: !Self.bool(line["unread"]),
        isStarred: Self.bool(line["marked"]))
    }
    let next =
      headlines.count < Self.pageSize
      ? "\(highest)/0/\(highest)" : "\(since)/\(skip + Int64(headlines.count))/\(highest)"
    return ServerItemPage(items: items, cursor: next)
  }

  func headlines(_ fields: [String: Any]) async throws -> [[String: Any]] {
    var request = fields
    request["limit"] = Self.pageSize
    guard let list = try await call("getHeadlines", request) as? [[String: Any]] else {
      throw ServerProblem(.malformed("getHeadlines gave no list"), url: url)
    }
    return list
  }

  /// Every id of a view, a page at a time.
  func ids(_ fields: [String: Any]) async throws -> Set<String> {
    var ids = Set<String>()
    var skip = 0
    while true {
      var request = fields
      request["skip"] = skip
      request["show_content"] = false
      let page = try await headlines(request)
      for line in page { if let id = FeverServer.string(line["id"]) { ids.insert(id) } }
      if page.count < Self.pageSize { return ids }
      skip += page.count
    }
  }

  public func state() async throws -> ServerState {
    ServerState(
      unread: try await ids(["feed_id": -4, "view_mode": "unread"]),
      starred: try await ids(["feed_id": -1, "view_mode": "all_articles"]))
  }

  public func mark(_ ids: [String], _ mark: ServerMark) async throws {
    guard !ids.isEmpty else { return }
    let (field, mode): (Int, Int)
    switch mark {
    case .read: (field, mode) = (2, 0)
    case .unread: (field, mode) = (2, 1)
    case .starred: (field, mode) = (0, 1)
    case .unstarred: (field, mode) = (0, 0)
    }
    _ = try await call(
      "updateArticle", ["article_ids": ids.joined(separator: ","), "field": field, "mode": mode])
  }

  static func bool(_ value: Any?) -> Bool {
    if let b = value as? Bool { return b }
    if let n = value as? NSNumber { return n.intValue != 0 }
    if let s = value as? String { return s == "t" || s == "true" || s == "1" }
    return false
  }
}
