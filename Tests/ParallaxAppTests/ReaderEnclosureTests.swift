import ParallaxCore
import Testing

@testable import ParallaxApp

/// What the reader shows of a feed item besides its text.
@Suite struct ReaderEnclosureTests {
  @Test func authorsMediaAndCategoriesAreShown() {
    var article = Article(id: "1", title: "Episode 12", body: "Notes on the episode.")
    article.url = "https://example.org/ep12"
    article.authors = [Person(name: "Jo Bloggs", email: "jo@example.org"), Person(name: "Ann")]
    article.enclosures = [Enclosure(url: "https://example.org/ep12.mp3", type: "audio/mpeg", length: 3_456_789)]
    article.categories = ["Science", "Audio"]
    let text = ReaderView.lines(article, width: 80, theme: .monochrome).map { $0.map(\.text).joined() }
    #expect(text.contains("By Jo Bloggs <jo@example.org>, Ann"))
    #expect(text.contains("Media: https://example.org/ep12.mp3 (audio/mpeg, 3.5 MB)"))
    #expect(text.last == "Filed under: Science · Audio")
    #expect(ReaderView.linkLine(article, width: 80, theme: .monochrome) == 1)
  }
}
