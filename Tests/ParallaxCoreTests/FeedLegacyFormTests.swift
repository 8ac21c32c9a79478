import Foundation
import Testing

@testable import ParallaxCore

/// Legacy and rare feed forms that real archives still hold, read as feedparser reads them
/// (issue 24); each test is named by the form it covers.
@Suite struct FeedLegacyFormTests {
  func read(_ xml: String, url: String? = nil) throws -> [Article] {
    try FeedReader.read(Data(xml.utf8), url: url).articles
  }

  @Test func rssFullitemIsTheContent() throws {
    let items = try read(
      #"<rss version="2.0"><channel><item><title>T</title><fullitem>&lt;p&gt;Example content&lt;/p&gt;</fullitem><description>Short</description></item></channel></rss>"#
    )
    #expect(items.map(\.body) == ["Example content"])
    #expect(items.first?.summary == "Short")
  }

  @Test func rssXhtmlBodyAndBareBodyAreTheContent() throws {
    let xhtml = try read(
      #"<rss version="2.0"><channel><item><title>T</title><body xmlns="http://www.w3.org/1999/xhtml"><p>Example <b>content</b></p></body></item></channel></rss>"#
    )
    #expect(xhtml.map(\.body) == ["Example content"])
    let prefixed = try read(
      #"<rss version="2.0" xmlns:xhtml="http://www.w3.org/1999/xhtml"><channel><item><title>T</title><xhtml:body><xhtml:p>Prefixed</xhtml:p></xhtml:body></item></channel></rss>"#
    )
    #expect(prefixed.map(\.body) == ["Prefixed"])
    let bare = try read(
      #"<rss version="2.0"><channel><item><title>T</title><body><p>Bare body</p></body></item></channel></rss>"#)
    #expect(bare.map(\.body) == ["Bare body"])
  }

  @Test func mediaTitleAndDescriptionAreFallbacks() throws {
    let items = try read(
      #"<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><item><link>http://x/4</link><media:title>Media title</media:title><media:description>Media text</media:description></item></channel></rss>"#
    )
    #expect(items.map(\.title) == ["Media title"])
    #expect(items.map(\.body) == ["Media text"])
    // The item's own title and description come first.
    let own = try read(
      #"<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><item><title>Own</title><description>Own text</description><media:title>Media</media:title></item></channel></rss>"#
    )
    #expect(own.map(\.title) == ["Own"])
    #expect(own.map(\.body) == ["Own text"])
  }

  @Test func cdfChannelsItemsHrefAbstractAndLastmod() throws {
    let items = try read(
      #"<CHANNEL HREF="http://www.example.org/"><TITLE>Chan</TITLE><ITEM HREF="http://www.example.org/item" LASTMOD="2004-04-06T23:05:43-05:00"><TITLE>CDF item</TITLE><ABSTRACT>The abstract</ABSTRACT></ITEM><CHANNEL><ITEM HREF="http://www.example.org/nested"><TITLE>Nested</TITLE><ABSTRACT>Nested abstract</ABSTRACT></ITEM></CHANNEL></CHANNEL>"#
    )
    #expect(items.map(\.title) == ["CDF item", "Nested"])
    #expect(items.map(\.body) == ["The abstract", "Nested abstract"])
    #expect(items.map(\.url) == ["http://www.example.org/item", "http://www.example.org/nested"])
    #expect(items.first?.updated == "2004-04-07T04:05:43Z")
    #expect(items.first?.source == "Chan")
  }

  @Test func atomXhtmlContentHoldingOnlySVGOrMathMLKeepsItsWords() throws {
    let items = try read(
      #"<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>Svg</title><id>1</id><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><svg xmlns="http://www.w3.org/2000/svg"><title>Rainfall</title><text>Chart of rainfall</text></svg></div></content></entry><entry><title>Math</title><id>2</id><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><math xmlns="http://www.w3.org/1998/Math/MathML"><mi>x</mi><mo>=</mo><mn>2</mn></math></div></content></entry></feed>"#
    )
    #expect(items.map(\.title) == ["Svg", "Math"])
    #expect(items[0].body.contains("Chart of rainfall"))
    #expect(items[1].body == "x=2")
  }

  @Test func fallbackTextInsideEmbedObjectIframeAndFrameIsKept() throws {
    let items = try read(
      #"<rss version="2.0"><channel><item><title>E</title><description>&lt;p&gt;Before&lt;/p&gt;&lt;p&gt;&lt;object data="x.swf"&gt;Object fallback&lt;/object&gt;&lt;/p&gt;&lt;p&gt;&lt;iframe src="y"&gt;Frame fallback&lt;/iframe&gt;&lt;/p&gt;&lt;embed src="z"&gt;&lt;p&gt;After&lt;/p&gt;</description></item></channel></rss>"#
    )
    #expect(items.map(\.body) == ["Before\n\nObject fallback\n\nFrame fallback\n\nAfter"])
    // A whole page drops them (there they are "your browser does not support frames").
    #expect(!HTMLText.text("<p>Text</p><iframe>No frames</iframe>", droppingChrome: true).contains("No frames"))
  }

  @Test func aDescriptionHoldingOnlyMarkupKeepsTheItem() throws {
    let items = try read(
      #"<rss version="2.0"><channel><item><title>Only a picture</title><link>http://x/6</link><description>&lt;img src="a.png"&gt;</description></item></channel></rss>"#
    )
    #expect(items.map(\.title) == ["Only a picture"])
    #expect(items.map(\.url) == ["http://x/6"])
  }

  @Test func brSeparatedDescriptionLinesStayInOrder() throws {
    let items = try read(
      #"<rss version="2.0"><channel><item><title>L</title><description>first line&lt;br&gt;second line&lt;br/&gt;third line</description></item></channel></rss>"#
    )
    #expect(items.map(\.body) == ["first line\n\nsecond line\n\nthird line"])
  }

  @Test func relativeLinksResolveAgainstTheDocumentsOwnAddress() throws {
    let items = try read(
      #"<rss version="2.0"><channel><item><title>R</title><link>/news/8</link><enclosure url="audio.mp3" type="audio/mpeg"/></item></channel></rss>"#,
      url: "https://moved.example/feeds/rss.xml")
    #expect(items.map(\.url) == ["https://moved.example/news/8"])
    #expect(items.first?.enclosures.map(\.url) == ["https://moved.example/feeds/audio.mp3"])
  }
}
