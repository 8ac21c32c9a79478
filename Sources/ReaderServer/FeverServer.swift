import Foundation
import ParallaxCore
import Synchronization

/// The Fever API (FreshRSS, Miniflux, Tiny Tiny RSS's plugin, Coldsweat): every call is a
/// POST of `api_key` (md5 of `login:password`) to the API address with `?api` and the
/// command in the query. Items page 50 at a time by `since_id`; read and starred state come
/// as id lists (`unread_item_ids`, `saved_item_ids`); marks go one item per request, as the
/// API defines `mark=item`.
public final class FeverServer: ReaderServer {
  /// The API's address, without `?api`.
  public let url: String
  let apiKey: String
  let transport: any ServerTransport
  private let requests = Atomic(0)

  public init(url: String, login: String, password: String, transport: any ServerTransport) {
    var base = url.trimmingCharacters(in: .whitespaces)
    for suffix in ["?api", "&api"] where base.hasSuffix(suffix) { base.removeLast(suffix.count) }
    self.url = base
    apiKey = Self.apiKey(login: login, password: password)
    self.transport = transport
  }

  /// md5 of `login:password`, in lower-case hex, as Fever defines its key.
  public static func apiKey(login: String, password: String) -> String {
    MD5.hex(Data("\(login):\(password)".utf8))
  }

  public var requestCount: Int { requests.load(ordering: .relaxed) }

  /// Posts a command; the reply's JSON object once the server has accepted the key.
  func call(_ query: String, form: [(String, String)] = []) async throws -> [String: Any] {
    let address = url + (url.contains("?") ? "&" : "?") + "api" + (query.isEmpty ? "" : "&" + query)
    let fields = [("api_key", apiKey)] + form
    let body = fields.map { "\($0.0)=\(Self.formEncoded($0.1))" }.joined(separator: "&")
    requests.add(1, ordering: .relaxed)
    let reply = try await transport.post(
      address, body: Data(body.utf8), contentType: "application/x-www-form-urlencoded")
    let object = try ServerReplyReader(url: url).object(reply)
    guard Self.int(object["auth"]) == 1 else {
      if object["auth"] == nil { throw ServerProblem(.malformed("no \"auth\" in the reply"), url: url) }
      throw ServerProblem(.refusedLogin, url: url)
    }
    return object
  }

  public func logIn() async throws { _ = try await call("") }

  public func feeds() async throws -> [ServerFeed] {
    let object = try await call("groups&feeds")
    var groupTitle: [String: String] = [:]
    for group in object["groups"] as? [[String: Any]] ?? [] {
      if let id = Self.string(group["id"]), let title = group["title"] as? String { groupTitle[id] = title }
    }
    var tags: [String: [String]] = [:]
    for link in object["feeds_groups"] as? [[String: Any]] ?? [] {
      guard let group = Self.string(link["group_id"]).flatMap({ groupTitle[$0] }) else { continue }
      for feed in (Self.string(link["feed_ids"]) ?? "").split(separator: ",") {
        tags[feed.trimmingCharacters(in: .whitespaces), default: []].append(group)
      }
    }
    guard let feeds = object["feeds"] as? [[String: Any]] else {
      throw ServerProblem(.malformed("no \"feeds\" in the reply"), url: url)
    }
    return feeds.compactMap { feed in
      guard let id = Self.string(feed["id"]), let address = feed["url"] as? String else { return nil }
      return ServerFeed(id: id, title: feed["title"] as? String ?? "", url: address, tags: tags[id] ?? [])
    }
  }

  public func items(after cursor: String?) async throws -> ServerItemPage {
    let since = Int64(cursor ?? "0") ?? 0
    let object = try await call("items&since_id=\(since)")
    guard let items = object["items"] as? [[String: Any]] else {
      throw ServerProblem(.malformed("no \"items\" in the reply"), url: url)
    }
    var last = since
    let page = items.compactMap { item -> ServerItem? in
      guard let id = Self.string(item["id"]), let number = Int64(id) else { return nil }
      last = max(last, number)
      let kept = KeptFeedItem(
        guid: "", title: item["title"] as? String ?? "", author: item["author"] as? String ?? "",
        url: item["url"] as? String ?? "", published: Self.int64(item["created_on_time"]) ?? 0,
        content: item["html"] as? String ?? "")
      return ServerItem(
        id: id, feedID: Self.string(item["feed_id"]) ?? "", item: kept, isRead: Self.int(item["is_read"]) == 1,
        isStarred: Self.int(item["is_saved"]) == 1)
    }
    return ServerItemPage(items: page, cursor: String(last))
  }

  public func state() async throws -> ServerState {
    let object = try await call("unread_item_ids&saved_item_ids")
    func ids(_ key: String) throws -> Set<String> {
      guard let list = Self.string(object[key]) else {
        throw ServerProblem(.malformed("no \"\(key)\" in the reply"), url: url)
      }
      return Set(list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }
    return ServerState(unread: try ids("unread_item_ids"), starred: try ids("saved_item_ids"))
  }

  public func mark(_ ids: [String], _ mark: ServerMark) async throws {
    let status: String
    switch mark {
    case .read: status = "read"
    case .unread: status = "unread"
    case .starred: status = "saved"
    case .unstarred: status = "unsaved"
    }
    // One item per request, as the API defines it, a few at a time (a marked-all list of
    // thousands would otherwise take one round trip each). A failure stops the rest; marks
    // sent before it are sent again next time, which the API takes as a no-op.
    try await withThrowingTaskGroup(of: Void.self) { group in
      var next = 0
      func start() {
        guard next < ids.count else { return }
        let id = ids[next]
        next += 1
        group.addTask { _ = try await self.call("", form: [("mark", "item"), ("as", status), ("id", id)]) }
      }
      for _ in 0..<Self.concurrentMarks { start() }
      while try await group.next() != nil { start() }
    }
  }

  /// Mark requests in flight at once.
  static let concurrentMarks = 4

  static func formEncoded(_ value: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
  }

  /// A JSON number or numeric string as an Int.
  static func int(_ value: Any?) -> Int? { int64(value).map { Int($0) } }

  static func int64(_ value: Any?) -> Int64? {
    if let n = value as? NSNumber { return n.int64Value }
    if let s = value as? String { return Int64(s.trimmingCharacters(in: .whitespaces)) }
    return nil
  }

  /// A JSON string or number as text.
  static func string(_ value: Any?) -> String? {
    if let s = value as? String { return s }
    if let n = value as? NSNumber { return n.stringValue }
    return nil
  }
}
