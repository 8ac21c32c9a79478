import Testing

@testable import ParallaxCore

/// One web-link test for every place that fetches or opens a link.
@Suite struct WebLinkTests {
  @Test func httpAndHttpsInAnyCaseAreWebLinks() {
    for link in ["http://a.example/", "https://a.example/x", "HTTPS://A.EXAMPLE", "Http://x"] {
      #expect(WebLink.isWeb(link), "\(link)")
    }
    for link in ["ftp://a.example/", "file:///etc/passwd", "javascript:alert(1)", "mailto:a@b", "http:/x", "", "https"]
    {
      #expect(!WebLink.isWeb(link), "\(link)")
    }
  }
}
