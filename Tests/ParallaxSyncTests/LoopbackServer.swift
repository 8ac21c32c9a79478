import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1, started by the tests themselves, with the routes the
/// sync tests need: a feed with an ETag (and 304 for a matching If-None-Match), a slow
/// response, a 500, a redirect loop, an endless body and a malformed feed.
final class LoopbackServer: @unchecked Sendable {
  let port: UInt16
  private let socketFD: Int32
  private let lock = NSLock()
  private var requests: [String] = []
  private var stopped = false

  static let rss = """
    <?xml version="1.0"?><rss version="2.0"><channel><title>Loopback Wire</title>
    <item><title>Storm cuts power to 48,000 homes</title><link>http://wire.test/storm</link>
    <description>A winter storm cut power to 48,000 homes and closed the coastal road.</description></item>
    <item><title>Council approves tram line</title><link>http://wire.test/tram</link>
    <description>The council voted 31 to 14 for the tram line.</description></item>
    </channel></rss>
    """

  /// A feed with relative links, resolved against wherever the document is.
  static let relative = """
    <?xml version="1.0"?><rss version="2.0"><channel><title>Relative Wire</title>
    <item><title>Ferry timetable changes</title><link>story/ferry</link>
    <description>The winter ferry timetable starts on Monday with two fewer crossings.</description></item>
    </channel></rss>
    """

  /// A feed whose one item carries only a summary and links to `link`.
  static func summaries(linkingTo link: String) -> String {
    """
    <?xml version="1.0"?><rss version="2.0"><channel><title>Summary Wire</title>
    <item><title>Bridge reopens after repairs</title><link>\(link)</link>
    <description>The old bridge reopened on Friday.</description></item>
    </channel></rss>
    """
  }

  /// The full article page behind the summary, with navigation and a sidebar around it.
  static let page = """
    <html><head><title>Bridge reopens after repairs</title></head><body>
    <nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
    <aside>Most read: Celebrity chef opens restaurant</aside>
    <article><h1>Bridge reopens after repairs</h1>
    <p>The old bridge reopened on Friday after eleven months of repairs costing 14 million euros, the city said.</p>
    <p>"It is good to have it back," said Anna Lind, who crosses it every day on her way to the market.</p>
    <p>Engineers replaced 2,300 rivets and the whole deck; the bridge now carries trams as well as cars.</p>
    </article>
    <div class="ad">Buy shoes now</div>
    </body></html>
    """

  /// A front page of teasers: no article to take.
  static let frontPage =
    "<html><head><title>City News</title></head><body><main>"
    + (1...20).map {
      "<div class=\"teaser\"><h3><a href=\"/s/\($0)\">Headline \($0)</a></h3><p>Teaser \($0).</p></div>"
    }
    .joined() + "</main></body></html>"

  init() throws {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var one: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
    }
    listen(fd, 16)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    socketFD = fd
    port = UInt16(bigEndian: address.sin_port)
    Thread.detachNewThread { [self] in acceptLoop() }
  }

  /// Request lines seen, with the If-None-Match header when sent.
  var seen: [String] {
    lock.lock()
    defer { lock.unlock() }
    return requests
  }

  func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

  func stop() {
    lock.lock()
    stopped = true
    lock.unlock()
    shutdown(socketFD, Int32(SHUT_RDWR))
    close(socketFD)
  }

  private func acceptLoop() {
    while true {
      let client = accept(socketFD, nil, nil)
      if client < 0 { return }
      Thread.detachNewThread { [self] in handle(client) }
    }
  }

  private func handle(_ client: Int32) {
    defer { close(client) }
    var buffer = [UInt8](repeating: 0, count: 8192)
    var request = Data()
    while !String(decoding: request, as: UTF8.self).contains("\r\n\r\n") {
      let n = read(client, &buffer, buffer.count)
      if n <= 0 { return }
      request.append(contentsOf: buffer[0..<n])
    }
    let text = String(decoding: request, as: UTF8.self)
    let lines = text.components(separatedBy: "\r\n")
    let path = lines[0].split(separator: " ").dropFirst().first.map(String.init) ?? "/"
    let ifModifiedSince = lines.first { $0.lowercased().hasPrefix("if-modified-since:") }?.split(
      separator: ":", maxSplits: 1
    ).last.map { $0.trimmingCharacters(in: .whitespaces) }
    let ifNoneMatch = lines.first { $0.lowercased().hasPrefix("if-none-match:") }?.split(separator: ":", maxSplits: 1)
      .last
      .map { $0.trimmingCharacters(in: .whitespaces) }
    lock.lock()
    requests.append(
      path + (ifNoneMatch.map { " if-none-match=" + $0 } ?? "")
        + (ifModifiedSince.map { " if-modified-since=" + $0 } ?? ""))
    lock.unlock()
    func send(_ status: String, _ headers: [String] = [], _ body: String = "") {
      let head =
        (["HTTP/1.1 \(status)", "Content-Length: \(body.utf8.count)", "Connection: close"] + headers)
        .joined(separator: "\r\n") + "\r\n\r\n"
      _ = (head + body).withCString { write(client, $0, strlen($0)) }
    }
    switch path {
    case "/feed.rss":
      if ifNoneMatch == "\"v1\"" {
        send("304 Not Modified", ["ETag: \"v1\""])
      } else {
        send("200 OK", ["ETag: \"v1\""], Self.rss)
      }
    case "/dated.rss":
      let stamp = "Sat, 21 Nov 2026 10:00:00 GMT"
      if ifModifiedSince == stamp {
        send("304 Not Modified")
      } else {
        send("200 OK", ["Last-Modified: \(stamp)"], Self.summaries(linkingTo: url("/page/1")))
      }
    case "/page/1":
      send("200 OK", ["Content-Type: text/html"], Self.page)
    case "/front.rss":
      send("200 OK", [], Self.summaries(linkingTo: url("/front")))
    case "/front":
      send("200 OK", ["Content-Type: text/html"], Self.frontPage)
    case "/gone.rss":
      send("200 OK", [], Self.summaries(linkingTo: url("/error")))
    case "/hop":
      send("301 Moved Permanently", ["Location: \(url("/feed.rss"))"])
    case "/slow":
      sleep(4)
      send("200 OK", [], Self.rss)
    case "/error":
      send("500 Internal Server Error", [], "oops")
    case "/loop":
      send("302 Found", ["Location: \(url("/loop"))"])
    case "/endless":
      let head = "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nConnection: close\r\n\r\n<rss>"
      _ = head.withCString { write(client, $0, strlen($0)) }
      let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 16384)
      while write(client, chunk, chunk.count) > 0 {}
    case "/cp1252":
      // windows-1252 bytes, no XML declaration: only the Content-Type names the encoding.
      let body: [UInt8] =
        Array("<rss><channel><title>Caf".utf8) + [0xE9] + Array(" news</title><item><title>".utf8)
        + [0x93] + Array("Quoted".utf8) + [0x94, 0x20, 0x96, 0x20, 0x80, 0x35]
        + Array("</title><link>/story/1</link></item></channel></rss>".utf8)
      let head =
        "HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=windows-1252\r\nContent-Length: \(body.count)\r\n"
        + "Connection: close\r\n\r\n"
      _ = head.withCString { write(client, $0, strlen($0)) }
      _ = body.withUnsafeBytes { write(client, $0.baseAddress, body.count) }
    case "/moved.rss":
      send("301 Moved Permanently", ["Location: \(url("/feeds/new/relative.rss"))"])
    case "/feeds/new/relative.rss":
      send("200 OK", [], Self.relative)
    case "/located.rss":
      // Served here, but the document says where it lives.
      send("200 OK", ["Content-Location: /archive/2026/relative.rss"], Self.relative)
    case "/malformed":
      send("200 OK", [], "<?xml version=\"1.0\"?><rss><channel><title>Bad & broken</title>")
    default:
      send("404 Not Found")
    }
  }
}
