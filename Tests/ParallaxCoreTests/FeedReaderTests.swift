import Foundation
import ParallaxTestSupport
import Testing

@testable import ParallaxCore

@Suite struct FeedReaderTests {
  let folder = TestSupport.fixtures.appendingPathComponent("feeds")

  func load(_ name: String) -> ArticleLoader.Output { ArticleLoader().load([folder.appendingPathComponent(name).path]) }

  @Test func rssItemsBecomeArticlesWithTextDatesAndLinks() throws {
    let output = load("wire.rss")
    #expect(output.articles.count == 2)
    let storm = output.articles[0]
    #expect(storm.title == "Storm cuts power to 48,000 homes")
    #expect(storm.source == "Example Wire")
    #expect(storm.url == "https://wire.example/storm")
    #expect(storm.published == "2024-05-14T08:30:00Z")
    #expect(
      storm.paragraphs == [
        "A winter storm cut power to 48,000 homes & closed the coastal road.", "Crews restored half by noon.",
      ])
    #expect(output.articleFeeds.allSatisfy { $0?.hasSuffix("wire.rss") == true })
  }

  @Test func atomAndJSONFeedEntriesAreRead() {
    let atom = load("news.atom")
    #expect(atom.articles.map(\.url) == ["https://wire.example/storm"])
    #expect(atom.articles[0].source == "Atom News")
    #expect(atom.articles[0].body == "A winter storm cut power to 48,000 homes and closed the coastal road.")
    let json = load("items.json")
    #expect(json.articles.map(\.title) == ["Harvest estimate raised"])
    #expect(json.articles[0].published == "2024-05-10T10:00:00Z")
  }

  @Test func subscriptionListsGiveAddresses() {
    #expect(load("subscriptions.opml").subscriptions == ["https://wire.example/rss", "https://atom.example/feed"])
    #expect(load("urls").subscriptions == ["https://wire.example/rss", "https://other.example/feed.xml"])
  }

  @Test func aMalformedFeedGivesWhatCanBeReadWithAWarningNamingTheLine() {
    let output = ArticleLoader().load([
      folder.appendingPathComponent("broken.rss").path, folder.appendingPathComponent("wire.rss").path,
    ])
    // The truncated item with a bare "&" is still read; the other feed is untouched.
    #expect(output.articles.count == 3)
    #expect(output.articles.first?.title == "Tom & Jerry")
    #expect(output.diagnostics.count == 1)
    #expect(output.diagnostics[0].message.contains("malformed XML at line"))
    #expect(output.diagnostics[0].severity == .warning)
  }

  @Test func aBinaryFileNamedHTMLIsSkipped() throws {
    let dir = try TestSupport.temporaryDirectory()
    let file = dir.appendingPathComponent("image.html")
    try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]).write(to: file)
    let output = ArticleLoader().load([file.path])
    #expect(output.articles.isEmpty)
    #expect(output.diagnostics.first?.message == "binary file, not text")
  }

  @Test func anHTMLPageBecomesItsReadableText() throws {
    let article = try #require(load("page.html").articles.first)
    #expect(article.title == "Storm & floods hit the coast")
    #expect(article.paragraphs == ["A winter storm cut power to 48,000 homes.", "Crews restored half by noon."])
  }
}

@Suite struct FeedDatesTests {
  @Test func rfc822DatesBecomeUTC() {
    #expect(FeedDates.iso8601("Wed, 01 May 2024 09:30:00 +0200") == "2024-05-01T07:30:00Z")
    #expect(FeedDates.iso8601("1 May 2024 23:30 -0130") == "2024-05-02T01:00:00Z")
    #expect(FeedDates.iso8601("Tue, 31 Dec 2024 23:00:00 EST") == "2025-01-01T04:00:00Z")
    #expect(FeedDates.iso8601("Thu, 29 Feb 1996 00:00:00 GMT") == "1996-02-29T00:00:00Z")
    #expect(FeedDates.iso8601(" Sun, 01 Mar 2020 00:15:00 +0100 ") == "2020-02-29T23:15:00Z")
  }

  @Test func rfc3339DatesBecomeUTC() {
    #expect(FeedDates.iso8601("2024-05-01T09:30:00Z") == "2024-05-01T09:30:00Z")
    #expect(FeedDates.iso8601("2024-05-01T09:30:00.123+02:00") == "2024-05-01T07:30:00Z")
    #expect(FeedDates.iso8601("2024-01-01T00:30:00-01:00") == "2024-01-01T01:30:00Z")
  }

  @Test func anEmptyFeedIsReportedAsEmpty() {
    #expect(throws: FeedReader.ReadError.self) { try FeedReader.read(Data()) }
    #expect((try? FeedReader.read(Data("  \n".utf8))) == nil)
  }

  @Test func textThatIsNoDateNeverReachesTheFormatter() {
    // Found by fuzzing: Foundation's DateFormatter trapped on this (a range error).
    #expect(FeedDates.iso8601("Sun, 06\u{0D4A}\u{201C}\u{00DF}\u{00CD}\u{00CF}\u{00CA}4 12:56:00 GMT") == nil)
    #expect(FeedDates.iso8601(String(repeating: "2024-05-01 ", count: 50)) == nil)
  }

  @Test func yearsNoFeedMeansAreNoDateAndNeverOverflow() throws {
    // Found by fuzzing: a year of eleven digits overflowed the day arithmetic (a trap).
    #expect(FeedDates.iso8601("Sun, 21 Jul 88888888888 14:12:56 GMT") == nil)
    #expect(FeedDates.iso8601("Sun, 21 Jul 9223372036854775807 14:12:56 GMT") == nil)
    #expect(FeedDates.iso8601("Sun, 21 Jul 2024 14:12:56 +9999") == nil)
    #expect(FeedDates.iso8601("Sun, 21 Jul 2024 14:12:56 GMT") == "2024-07-21T14:12:56Z")
    let feed = """
      <rss version="2.0"><channel><title>T</title><item><title>A</title>
      <pubDate>Sun, 21 Jul 8888888888888888 12:56:00 GMT</pubDate><description>x</description></item></channel></rss>
      """
    let items = try FeedReader.read(Data(feed.utf8)).articles
    #expect(items.count == 1 && items[0].published?.hasPrefix("Sun, 21 Jul 8888") == true)  // kept as written
  }

  @Test func nonsenseIsNoDate() {
    #expect(FeedDates.iso8601("yesterday") == nil)
    #expect(FeedDates.iso8601("Wed, 45 May 2024 09:30:00 +0200") == nil)
    #expect(FeedDates.iso8601("2024-13-01T09:30:00Z") == nil)
  }
}

/// Character references in HTML, as browsers decode them.
@Suite struct HTMLReferenceTests {
  @Test func everyHTML5NameIsKnown() {
    #expect(HTMLText.namedReferences.count == 2125)
    #expect(
      HTMLText.text("caf&eacute; &mdash; &hellip; &CounterClockwiseContourIntegral; &NotNestedLessLess;")
        == "café — … \u{2233} \u{2AA1}\u{338}")
  }

  @Test func numbersFrom128To159AreWindows1252AndBadNumbersAreReplaced() {
    #expect(HTMLText.text("&#150; &#147;quoted&#148; &#x80;") == "– “quoted” €")
    #expect(HTMLText.text("a&#0;b &#27;c &#xD800;d &#99999999999;e") == "a\u{FFFD}b \u{FFFD}c \u{FFFD}d \u{FFFD}e")
    #expect(HTMLText.text("&#x1F600; &#233;") == "😀 é")
  }

  @Test func whatIsNoReferenceIsLeftAsWritten() {
    #expect(
      HTMLText.text("AT&T &#x; &#abc; &unknownname; fish & chips") == "AT&T &#x; &#abc; &unknownname; fish & chips")
  }
}
