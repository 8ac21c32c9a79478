import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// How a ``ReaderServer`` reaches its server: one POST, one reply. ``HTTPTransport`` is the
/// network; ``RecordingTransport`` keeps each exchange as a fixture, ``ReplayTransport``
/// answers from such fixtures (the API clients' tests, on replies of the real servers).
public protocol ServerTransport: Sendable {
  /// Posts `body` to `url`; a failure to get any reply is a ``ServerProblem``.
  func post(_ url: String, body: Data, contentType: String) async throws -> ServerReply
}

/// A server's reply as the API clients read it.
public struct ServerReply: Sendable, Equatable, Codable {
  public var status: Int
  public var contentType: String?
  /// `Retry-After`, when the server limits requests.
  public var retryAfter: String?
  public var body: Data

  public init(status: Int, contentType: String? = nil, retryAfter: String? = nil, body: Data) {
    self.status = status
    self.contentType = contentType
    self.retryAfter = retryAfter
    self.body = body
  }

  enum CodingKeys: String, CodingKey { case status, contentType, retryAfter, text, base64 }

  /// The body as `text` when it is UTF-8 (fixtures stay readable), else as `base64`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(status, forKey: .status)
    try container.encodeIfPresent(contentType, forKey: .contentType)
    try container.encodeIfPresent(retryAfter, forKey: .retryAfter)
    if let text = String(data: body, encoding: .utf8) {
      try container.encode(text, forKey: .text)
    } else {
      try container.encode(body.base64EncodedString(), forKey: .base64)
    }
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    status = try container.decode(Int.self, forKey: .status)
    contentType = try container.decodeIfPresent(String.self, forKey: .contentType)
    retryAfter = try container.decodeIfPresent(String.self, forKey: .retryAfter)
    if let text = try container.decodeIfPresent(String.self, forKey: .text) {
      body = Data(text.utf8)
    } else {
      body = Data(base64Encoded: try container.decode(String.self, forKey: .base64)) ?? Data()
    }
  }
}

/// The network, through async-http-client: a timeout without data, an overall deadline of
/// four times that, replies up to `maxBytes`, redirects followed (a login page's redirect
/// shows as the page it leads to). Call ``shutdown()`` when done.
public final class HTTPTransport: ServerTransport {
  private let client: HTTPClient
  let timeout: Double
  let maxBytes: Int

  public init(timeout: Double = 20, maxBytes: Int = 64 << 20) {
    self.timeout = timeout
    self.maxBytes = maxBytes
    var configuration = HTTPClient.Configuration(
      redirectConfiguration: .follow(max: 5, allowCycles: false),
      timeout: .init(connect: .milliseconds(Int64(timeout * 1000)), read: .milliseconds(Int64(timeout * 1000))),
      decompression: .enabled(limit: .ratio(50)))
    // A refused connection is said at once: retried, it is said only after the connect
    // timeout (20 s offline, measured), and the next sync tries again anyway.
    configuration.connectionPool.retryConnectionEstablishment = false
    client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
  }

  public func post(_ url: String, body: Data, contentType: String) async throws -> ServerReply {
    var request = HTTPClientRequest(url: url)
    request.method = .POST
    request.headers.add(name: "User-Agent", value: "Parallax/0.1 (offline news reader)")
    request.headers.add(name: "Content-Type", value: contentType)
    request.headers.add(name: "Accept", value: "application/json")
    request.body = .bytes(ByteBuffer(bytes: body))
    let deadline = NIODeadline.now() + .milliseconds(Int64(timeout * 4000))
    // Messages name the API's address, not the command in its query.
    let url = String(url.prefix { $0 != "?" })
    do {
      let response = try await client.execute(request, deadline: deadline)
      var data = Data()
      for try await chunk in response.body {
        data.append(contentsOf: chunk.readableBytesView)
        if data.count > maxBytes { throw ServerProblem(.malformed("a reply larger than \(maxBytes) bytes"), url: url) }
      }
      return ServerReply(
        status: Int(response.status.code), contentType: response.headers.first(name: "Content-Type"),
        retryAfter: response.headers.first(name: "Retry-After"), body: data)
    } catch let problem as ServerProblem {
      throw problem
    } catch let error as HTTPClientError {
      switch error {
      case .readTimeout, .deadlineExceeded, .connectTimeout: throw ServerProblem(.timeout, url: url)
      case .remoteConnectionClosed: throw ServerProblem(.unreachable("connection closed by the server"), url: url)
      default: throw ServerProblem(.unreachable("\(error)"), url: url)
      }
    } catch {
      let reason = HTTPFailure.describe(error)
      throw ServerProblem(reason.hasPrefix("TLS") ? .tls(reason) : .unreachable(reason), url: url)
    }
  }

  public func shutdown() async {
    try? await client.shutdown()
  }
}

/// One line for a network failure, shared by feed fetching and reader servers.
public enum HTTPFailure {
  public static func describe(_ error: any Error) -> String {
    let text = "\(error)"
    if text.contains("handshakeFailed") || text.contains("BoringSSL") || text.contains("NIOSSL") {
      let reason = text.range(of: "OPENSSL_internal:").map {
        String(text[$0.upperBound...].prefix { $0 != " " && $0 != "]" })
      }
      return "TLS handshake failed" + (reason.map { " (\($0))" } ?? "")
    }
    if text.contains("connectionRefused") || text.contains("Connection refused") { return "connection refused" }
    if text.contains("UnknownHost") || text.hasPrefix("DNS error") {
      let reason = text.range(of: "UnknownHost: ").map { String(text[$0.upperBound...].prefix { $0 != "(" }) }
      return "could not resolve the host name"
        + (reason.map { " (\($0.trimmingCharacters(in: .whitespaces)))" } ?? "")
    }
    if text.contains("NIOConnectionError") || text.contains("resolution") { return "could not connect: \(text)" }
    return text
  }

  /// Whether a failure (as ``describe(_:)`` words it) means no connection could be made at
  /// all: offline, a name that does not resolve, nothing listening.
  public static func isUnreachable(_ message: String) -> Bool {
    message.hasPrefix("could not connect") || message.hasPrefix("could not resolve") || message == "connection refused"
  }
}
