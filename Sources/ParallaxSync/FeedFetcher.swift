import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ReaderServer

/// Fetches URLs with the limits sync needs: a timeout without data, an overall deadline, a
/// redirect limit (loops are caught at once), a response size limit and conditional headers.
/// One fetcher serves many concurrent requests; call ``shutdown()`` when done.
final class FeedFetcher: Sendable {
  /// The outcome of one request.
  enum Outcome: Sendable, Equatable {
    /// The body with its validators, its Content-Type, and the document's own address: its
    /// `Content-Location`, else the address it was served from after redirects (the base
    /// for its relative links).
    case ok(Data, etag: String?, lastModified: String?, contentType: String?, location: String?)
    case notModified
    case failed(String)
  }

  let settings: SyncSettings
  private let client: HTTPClient

  init(settings: SyncSettings) {
    self.settings = settings
    var configuration = HTTPClient.Configuration(
      redirectConfiguration: .follow(max: settings.maxRedirects, allowCycles: false),
      timeout: .init(
        connect: .milliseconds(Int64(settings.timeout * 1000)), read: .milliseconds(Int64(settings.timeout * 1000))),
      decompression: .enabled(limit: .ratio(50)))
    configuration.httpVersion = .automatic
    // A refused connection fails its feed at once instead of being retried until the connect
    // timeout: offline, a sync of 100 feeds took 25 × 20 s to say so (the next sync retries).
    configuration.connectionPool.retryConnectionEstablishment = false
    client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
  }

  /// Fetches `url`, conditionally on `etag` / `lastModified`. Never throws: every failure is
  /// an outcome with a one-line reason.
  func fetch(_ url: String, etag: String? = nil, lastModified: String? = nil) async -> Outcome {
    var request = HTTPClientRequest(url: url)
    request.headers.add(name: "User-Agent", value: "Parallax/0.1 (offline news reader)")
    request.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
    if let etag { request.headers.add(name: "If-None-Match", value: etag) }
    if let lastModified { request.headers.add(name: "If-Modified-Since", value: lastModified) }
    let deadline = NIODeadline.now() + .milliseconds(Int64(settings.timeout * 4000))
    do {
      let response = try await client.execute(request, deadline: deadline)
      switch response.status.code {
      case 304:
        return .notModified
      case 200..<300:
        var body = Data()
        for try await chunk in response.body {
          body.append(contentsOf: chunk.readableBytesView)
          if body.count > settings.maxBytes { return .failed("response larger than \(settings.maxBytes) bytes") }
          if NIODeadline.now() > deadline { return .failed(timedOut) }
        }
        let served = response.url?.absoluteString ?? url
        let location = response.headers.first(name: "Content-Location").flatMap { value -> String? in
          let trimmed = value.trimmingCharacters(in: .whitespaces)
          return trimmed.isEmpty ? nil : URL(string: trimmed, relativeTo: URL(string: served))?.absoluteString
        }
        return .ok(
          body, etag: response.headers.first(name: "ETag"), lastModified: response.headers.first(name: "Last-Modified"),
          contentType: response.headers.first(name: "Content-Type"), location: location ?? served)
      case 300..<400:
        return .failed("redirect without a usable location (HTTP \(response.status.code))")
      default:
        return .failed("HTTP \(response.status.code) \(response.status.reasonPhrase)")
      }
    } catch let error as HTTPClientError {
      switch error {
      case .readTimeout, .deadlineExceeded, .connectTimeout: return .failed(timedOut)
      case .redirectCycleDetected: return .failed("redirect loop")
      case .redirectLimitReached: return .failed("more than \(settings.maxRedirects) redirects")
      case .remoteConnectionClosed: return .failed("connection closed by the server")
      default: return .failed("HTTP client: \(error)")
      }
    } catch {
      return .failed(HTTPFailure.describe(error))
    }
  }

  private var timedOut: String {
    "timed out (no data for \(Self.seconds(settings.timeout)) s, or over \(Self.seconds(settings.timeout * 4)) s in all)"
  }

  static func seconds(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
  }

  func shutdown() async {
    try? await client.shutdown()
  }
}
