import Foundation
import ParallaxCore

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Fetches one URL with the limits sync needs: a timeout, a redirect limit, a response size
/// limit and conditional headers. One fetcher serves many concurrent requests.
final class FeedFetcher: NSObject, URLSessionDataDelegate, @unchecked Sendable {
  /// The outcome of one request.
  enum Outcome: Sendable {
    case ok(Data, etag: String?, lastModified: String?)
    case notModified
    case failed(String)
  }

  let settings: SyncSettings
  private var session: URLSession!
  private let lock = NSLock()
  private var states: [Int: State] = [:]

  final class State {
    var data = Data()
    var redirects = 0
    var tooLarge = false
    var tooManyRedirects = false
    var response: HTTPURLResponse?
    var continuation: CheckedContinuation<Outcome, Never>?
  }

  init(settings: SyncSettings) {
    self.settings = settings
    super.init()
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = settings.timeout
    configuration.timeoutIntervalForResource = settings.timeout * 4
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    configuration.httpAdditionalHeaders = ["User-Agent": "Parallax/0.1 (+offline news reader)"]
    session = URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
  }

  /// Fetches `url`, conditionally on `etag` / `lastModified`.
  func fetch(_ url: URL, etag: String?, lastModified: String?) async -> Outcome {
    var request = URLRequest(url: url)
    if let etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
    if let lastModified { request.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since") }
    return await withCheckedContinuation { continuation in
      let task = session.dataTask(with: request)
      let state = State()
      state.continuation = continuation
      lock.lock()
      states[task.taskIdentifier] = state
      lock.unlock()
      task.resume()
    }
  }

  private func state(_ task: URLSessionTask) -> State? {
    lock.lock()
    defer { lock.unlock() }
    return states[task.taskIdentifier]
  }

  func urlSession(
    _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
  ) {
    guard let state = state(task) else { return completionHandler(nil) }
    state.redirects += 1
    if state.redirects > settings.maxRedirects {
      state.tooManyRedirects = true
      completionHandler(nil)
      task.cancel()
    } else {
      completionHandler(request)
    }
  }

  func urlSession(
    _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
  ) {
    state(dataTask)?.response = response as? HTTPURLResponse
    completionHandler(.allow)
  }

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
    guard let state = state(dataTask) else { return }
    state.data.append(data)
    if state.data.count > settings.maxBytes {
      state.tooLarge = true
      dataTask.cancel()
    }
  }

  func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
    lock.lock()
    let state = states.removeValue(forKey: task.taskIdentifier)
    lock.unlock()
    guard let state, let continuation = state.continuation else { return }
    let outcome: Outcome
    if state.tooLarge {
      outcome = .failed("response larger than \(settings.maxBytes) bytes")
    } else if state.tooManyRedirects {
      outcome = .failed("more than \(settings.maxRedirects) redirects")
    } else if let error {
      outcome = .failed(
        (error as NSError).code == NSURLErrorTimedOut
          ? "timed out after \(Int(settings.timeout)) s" : error.localizedDescription)
    } else if let response = state.response {
      switch response.statusCode {
      case 304: outcome = .notModified
      case 200..<300:
        outcome = .ok(
          state.data, etag: response.value(forHTTPHeaderField: "ETag"),
          lastModified: response.value(forHTTPHeaderField: "Last-Modified"))
      case 300..<400: outcome = .failed("redirect without a usable location (HTTP \(response.statusCode))")
      default: outcome = .failed("HTTP \(response.statusCode)")
      }
    } else {
      outcome = .failed("no response")
    }
    continuation.resume(returning: outcome)
  }
}
