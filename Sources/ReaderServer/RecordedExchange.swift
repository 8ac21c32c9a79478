import Foundation
import Synchronization

/// One request and its reply, as ``RecordingTransport`` keeps it: the request's query and
/// body with secrets (`api_key`, `password`, `sid`) replaced by `…`.
public struct RecordedExchange: Sendable, Equatable, Codable {
  public var query: String
  public var body: String
  public var reply: ServerReply

  public init(query: String, body: String, reply: ServerReply) {
    self.query = query
    self.body = body
    self.reply = reply
  }

  /// `url`'s query and `body` as recorded.
  static func request(url: String, body: Data) -> (query: String, body: String) {
    let query = url.firstIndex(of: "?").map { String(url[url.index(after: $0)...]) } ?? ""
    return (query, redacted(String(decoding: body, as: UTF8.self)))
  }

  /// Secrets replaced by `…`: form fields and JSON strings named api_key, password, sid.
  static func redacted(_ body: String) -> String {
    var text = body
    for name in ["api_key", "password", "sid", "user"] {
      text = text.replacingOccurrences(
        of: "(^|&)\(name)=[^&]*", with: "$1\(name)=…", options: .regularExpression)
      text = text.replacingOccurrences(
        of: "\"\(name)\"\\s*:\\s*\"[^\"]*\"", with: "\"\(name)\":\"…\"", options: .regularExpression)
    }
    return text
  }
}

/// Keeps every exchange of another transport in a folder, one numbered JSON file each
/// (`PARALLAX_SERVER_RECORD=FOLDER parallax sync`): how the e2e script records the real
/// servers' replies for the API clients' tests.
public final class RecordingTransport: ServerTransport {
  let inner: any ServerTransport
  let folder: String
  private let count = Mutex(0)

  public init(_ inner: any ServerTransport, folder: String) {
    self.inner = inner
    self.folder = folder
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  public func post(_ url: String, body: Data, contentType: String) async throws -> ServerReply {
    let reply = try await inner.post(url, body: body, contentType: contentType)
    let request = RecordedExchange.request(url: url, body: body)
    let n = count.withLock {
      $0 += 1
      return $0
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let exchange = RecordedExchange(query: request.query, body: request.body, reply: reply)
    if let data = try? encoder.encode(exchange) {
      try? data.write(to: URL(fileURLWithPath: folder).appendingPathComponent(String(format: "%03d.json", n)))
    }
    return reply
  }
}

/// Answers from recorded exchanges: each request takes the first unused exchange with its
/// query and body (secrets redacted alike); a request nothing was recorded for fails the
/// way an unreachable server does, naming it.
public final class ReplayTransport: ServerTransport {
  private let exchanges: Mutex<[RecordedExchange]>

  public init(_ exchanges: [RecordedExchange]) { self.exchanges = Mutex(exchanges) }

  /// The exchanges of a folder ``RecordingTransport`` wrote, in order.
  public convenience init(folder: String) throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
    let decoder = JSONDecoder()
    self.init(
      try names.map {
        try decoder.decode(RecordedExchange.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/" + $0)))
      })
  }

  public func post(_ url: String, body: Data, contentType: String) async throws -> ServerReply {
    let request = RecordedExchange.request(url: url, body: body)
    let reply = exchanges.withLock { list -> ServerReply? in
      guard let i = list.firstIndex(where: { $0.query == request.query && $0.body == request.body }) else { return nil }
      return list.remove(at: i).reply
    }
    guard let reply else {
      throw ServerProblem(.unreachable("nothing recorded for \(request.query) \(request.body)"), url: url)
    }
    return reply
  }
}
