import Foundation
import Testing

@testable import ParallaxCore

/// Every form of item content, links, dates, people and entities, from feeds written here.
@Suite struct FeedContentTests {
  func read(_ xml: String, url: String? = nil) throws -> FeedReader.Output {
    try FeedReader.read(Data(xml.utf8), url: url)
  }

  func atom(_ entry: String, feedAttributes: String = "") throws -> Article? {
    try read(
      "<feed xmlns=\"http://www.w3.org/2005/Atom\" \(feedAttributes)><title>F</title><entry>\(entry)</entry></feed>"
    )
    .articles.first
  }

  func rss(_ item: String, namespaces: String = "") throws -> Article? {
    try read("<rss version=\"2.0\" \(namespaces)><channel><title>F</title><item>\(item)</item></channel></rss>")
      .articles.first
  }

  @Test func atomContentInEveryForm() throws {
    let xhtml = try atom(
      "<title>T</title><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>One <b>bold</b> step.</p><p>Two.</p></div></content>"
    )
    #expect(xhtml?.body == "One bold step.\n\nTwo.")
    let html = try atom("<title>T</title><content type=\"html\">&lt;p&gt;Escaped &amp;amp; read&lt;/p&gt;</content>")
    #expect(html?.body == "Escaped & read")
    let text = try atom("<title>T</title><content type=\"text\">Less &lt;than&gt; stays</content>")
    #expect(text?.body == "Less <than> stays")
    let base64 = try read(
      "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><entry><title>T</title><content mode=\"base64\" type=\"text/html\">PHA+QmFzZSA2NCBib2R5PC9wPg==</content></entry></feed>"
    ).articles.first
    #expect(base64?.body == "Base 64 body")
    let escaped = try read(
      "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><entry><title>T</title><content mode=\"escaped\" type=\"text/html\">&lt;i&gt;Escaped&lt;/i&gt; mode</content></entry></feed>"
    ).articles.first
    #expect(escaped?.body == "Escaped mode")
    let outOfLine = try atom("<title>T</title><content src=\"https://example.org/full\" type=\"text/html\"/>")
    #expect(outOfLine?.url == "https://example.org/full")
  }

  @Test func contentWinsAndTheSummaryIsKept() throws {
    let entry = try atom(
      "<title>T</title><summary>Short.</summary><content type=\"html\">&lt;p&gt;The whole story.&lt;/p&gt;</content>")
    #expect(entry?.body == "The whole story.")
    #expect(entry?.summary == "Short.")
    let item = try rss(
      "<title>T</title><description>Teaser.</description><content:encoded><![CDATA[<p>Full text.</p>]]></content:encoded>",
      namespaces: "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"")
    #expect(item?.body == "Full text.")
    #expect(item?.summary == "Teaser.")
    // An undeclared prefix, as feeds often write it, is still content:encoded.
    let undeclared = try rss("<title>T</title><content:encoded>&lt;p&gt;Body&lt;/p&gt;</content:encoded>")
    #expect(undeclared?.body == "Body")
  }

  @Test func mediaAndITunesDescriptionsAndRDFAreRead() throws {
    let media = try rss(
      "<title>T</title><media:group><media:description>Clip text.</media:description></media:group>",
      namespaces: "xmlns:media=\"http://search.yahoo.com/mrss/\"")
    #expect(media?.body == "Clip text.")
    let itunes = try rss(
      "<title>T</title><itunes:summary>Episode notes.</itunes:summary>",
      namespaces: "xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\"")
    #expect(itunes?.body == "Episode notes.")
    let rdf = try read(
      """
      <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://example.org/"><title>RDF News</title></channel>
      <item rdf:about="https://example.org/a"><title>A</title><description>Text of A.</description>
      <dc:date>2024-05-01T09:30:00+02:00</dc:date><dc:creator>Jo Bloggs</dc:creator><dc:subject>Weather</dc:subject></item>
      </rdf:RDF>
      """)
    #expect(rdf.title == "RDF News")
    #expect(rdf.articles.first?.url == "https://example.org/a")
    #expect(rdf.articles.first?.published == "2024-05-01T07:30:00Z")
    #expect(rdf.articles.first?.authors == [Person(name: "Jo Bloggs")])
    #expect(rdf.articles.first?.categories == ["Weather"])
  }

  @Test func titlesOfEveryKind() throws {
    #expect(try atom("<title type=\"html\">&lt;b&gt;Bold&lt;/b&gt; &amp;amp; more</title>")?.title == "Bold & more")
    #expect(try atom("<title type=\"text\">x &lt; y</title>")?.title == "x < y")
    #expect(try rss("<title>Fish &amp; Chips &lt;3</title>")?.title == "Fish & Chips <3")
    #expect(try rss("<title>&lt;p&gt;Escaped markup&lt;/p&gt;</title>")?.title == "Escaped markup")
  }

  @Test func itemsWithOnlyALinkATitleOrASummaryAreKept() throws {
    let onlyLink = try rss("<link>https://example.org/news/storm-update</link>")
    #expect(onlyLink?.title == "example.org storm-update")
    #expect(onlyLink?.url == "https://example.org/news/storm-update")
    #expect(try rss("<title>Just a headline</title>")?.title == "Just a headline")
    let onlySummary = try rss("<description>A storm closed the coastal road on Monday. Power is back.</description>")
    #expect(onlySummary?.title == "A storm closed the coastal road on Monday.")
    let onlyEnclosure = try rss("<enclosure url=\"https://example.org/ep1.mp3\" type=\"audio/mpeg\" length=\"1234\"/>")
    #expect(onlyEnclosure?.title == "example.org ep1.mp3")
    #expect(
      onlyEnclosure?.enclosures == [Enclosure(url: "https://example.org/ep1.mp3", type: "audio/mpeg", length: 1234)])
    // Items without id or link get an id from their content: the same on every read.
    let a = try rss("<title>Same</title><description>Body</description>")
    let b = try rss("<title>Same</title><description>Body</description>")
    #expect(a?.id == b?.id)
    #expect(a?.id.hasPrefix("item:") == true)
  }

  @Test func relativeLinksResolveAgainstXMLBaseAndTheFeedsAddress() throws {
    let nested = try read(
      """
      <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.org/blog/">
      <entry xml:base="2024/"><title>T</title><link href="post.html"/>
      <link rel="enclosure" href="../media/a.mp3" type="audio/mpeg"/></entry></feed>
      """
    ).articles.first
    #expect(nested?.url == "https://example.org/blog/2024/post.html")
    #expect(nested?.enclosures.first?.url == "https://example.org/blog/media/a.mp3")
    let fromFeed = try read(
      "<rss><channel><item><title>T</title><link>/news/1</link></item></channel></rss>",
      url: "https://example.net/feeds/rss.xml"
    ).articles.first
    #expect(fromFeed?.url == "https://example.net/news/1")
  }

  @Test func atomPrefersTheHTMLAlternateLink() throws {
    let entry = try atom(
      """
      <title>T</title><link rel="self" href="https://example.org/self"/>
      <link rel="alternate" type="application/pdf" href="https://example.org/a.pdf"/>
      <link rel="alternate" type="text/html" href="https://example.org/a.html"/>
      """)
    #expect(entry?.url == "https://example.org/a.html")
  }

  @Test func guidIsAPermalinkUnlessItSaysOtherwise() throws {
    #expect(try rss("<title>T</title><guid>https://example.org/p/1</guid>")?.url == "https://example.org/p/1")
    let opaque = try rss("<title>T</title><guid isPermaLink=\"false\">https://example.org/p/2</guid>")
    #expect(opaque?.url == nil)
    #expect(opaque?.id == "https://example.org/p/2")
  }

  @Test func identitySurvivesASchemeOrHostCaseChange() {
    var a = Article(id: "1", title: "T", body: "")
    a.url = "http://Example.ORG/News/1"
    var b = a
    b.url = "https://example.org/News/1"
    #expect(a.identityKey == b.identityKey)
    b.url = "https://example.org/news/1"
    #expect(a.identityKey != b.identityKey)  // paths are case-sensitive
  }

  @Test(arguments: [
    ("Wed, 01 May 2024 09:30:00 +0200", "2024-05-01T07:30:00Z"),
    ("Wed, 01 May 2024 09:30 EST", "2024-05-01T14:30:00Z"),
    ("01 May 24 09:30:00 GMT", "2024-05-01T09:30:00Z"),
    ("Wed, 1 May 2024 09:30:00 PDT", "2024-05-01T16:30:00Z"),
    ("2024-05-01T09:30:00+02:00", "2024-05-01T07:30:00Z"),
    ("2024-05-01T09:30:00.123Z", "2024-05-01T09:30:00Z"),
    ("2024-05-01", "2024-05-01T00:00:00Z"),
  ])
  func datesInTheirRealWorldForms(written: String, expected: String) throws {
    #expect(try rss("<title>T</title><pubDate>\(written)</pubDate>")?.published == expected)
  }

  @Test func atom03DatesAndPeople() throws {
    let entry = try read(
      """
      <feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><title>T</title>
      <issued>2004-01-01T19:48:21Z</issued><modified>2004-01-02T10:00:00Z</modified>
      <author><name>Ann</name><email>ann@example.org</email><url>https://ann.example</url></author>
      <contributor><name>Bo</name></contributor></entry></feed>
      """
    ).articles.first
    #expect(entry?.published == "2004-01-01T19:48:21Z")
    #expect(entry?.updated == "2004-01-02T10:00:00Z")
    #expect(
      entry?.authors == [Person(name: "Ann", email: "ann@example.org", uri: "https://ann.example"), Person(name: "Bo")])
  }

  @Test func rssAuthorsCategoriesAndEnclosures() throws {
    let item = try rss(
      """
      <title>T</title><author>jo@example.org (Jo Bloggs)</author><category domain="x">World</category>
      <category>Europe</category><enclosure url="https://example.org/a.mp3" length="99" type="audio/mpeg"/>
      """)
    #expect(item?.authors == [Person(name: "Jo Bloggs", email: "jo@example.org")])
    #expect(item?.categories == ["World", "Europe"])
    #expect(item?.enclosures == [Enclosure(url: "https://example.org/a.mp3", type: "audio/mpeg", length: 99)])
  }

  @Test func jsonFeedContentAuthorsTagsAndAttachments() throws {
    let json = """
      {"version": "https://jsonfeed.org/version/1.1", "title": "J", "feed_url": "https://example.org/feed.json",
       "authors": [{"name": "Desk"}],
       "items": [{"id": "1", "url": "/a", "content_html": "<p>Para one.</p><p>Two &amp; three.</p>",
                  "summary": "Sum.", "date_published": "2024-05-01T09:30:00+02:00", "tags": ["x", "y"],
                  "attachments": [{"url": "https://example.org/a.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 10}]},
                 {"id": "2", "content_text": "Plain line one.\\n\\nLine two."}]}
      """
    let feed = try read(json)
    #expect(feed.articles[0].url == "https://example.org/a")
    #expect(feed.articles[0].body == "Para one.\n\nTwo & three.")
    #expect(feed.articles[0].summary == "Sum.")
    #expect(feed.articles[0].authors == [Person(name: "Desk")])
    #expect(feed.articles[0].categories == ["x", "y"])
    #expect(feed.articles[0].enclosures.first?.length == 10)
    #expect(feed.articles[1].title == "Plain line one.")
  }

  @Test func everyEntityClassIsDecodedInXMLAndHTML() throws {
    // HTML5 names XML does not define, windows-1252 numbers, hex, and XML's own.
    let item = try rss(
      "<title>Caf&eacute; &mdash; na&iuml;ve&hellip; &#147;q&#148; &#x263A; &lt;&amp;&gt; &NotEqualTilde;</title>")
    #expect(item?.title == "Café — naïve… “q” ☺ <&> ≂̸")
    let html = HTMLText.text("<p>&bigstar; &#150; &#0; &unknown; a & b</p>")
    #expect(html == "★ – \u{FFFD} &unknown; a & b")
  }

  @Test func readableTextKeepsParagraphsListsAndBreaksAndDropsTheRest() {
    let html = """
      <p>First<br>line</p><ul><li>one</li><li>two</li></ul><script>alert(1)</script><style>p{}</style>
      <noscript>no</noscript><iframe>frame</iframe><object>obj</object><form><input value="x">Form</form>
      <!-- comment --><blockquote>Quoted</blockquote>
      """
    // A feed's content keeps the fallback text of frames and objects (feedparser's
    // sanitizer keeps it: the element goes); a whole page drops it.
    #expect(HTMLText.text(html) == "First\n\nline\n\none\n\ntwo\n\nframeobj\n\nQuoted")
    #expect(HTMLText.text(html, droppingChrome: true) == "First\n\nline\n\none\n\ntwo\n\nQuoted")
  }

  /// Ten kinds of everyday breakage: each feed still gives its items.
  @Test(arguments: [
    "<rss><channel><item><title>A&nbsp;B</title></item><item><title>Second</title></item></channel></rss>",
    "<rss><channel><item><title>Caf&eacute;</title></item><item><title>Second</title></item></channel></rss>",
    "<rss><channel><item><title>T</title><link>https://e.org/?a=1&b=2</link></item><item><title>Second</title></item></channel></rss>",
    "\u{FEFF}<?xml version=\"1.0\"?><rss><channel><item><title>T</title></item><item><title>Second</title></item></channel></rss>",
    "<rss><channel><item><title>T</title><description>one<br>two</description></item><item><title>Second</title></item></channel></rss>",
    "<rss><channel><item><title>T\u{01}\u{1B}[31m</title></item><item><title>Second</title></item></channel></rss>",
    "<rss><channel><item><title>T</title></item><item><title>Second</title></item><item><title>Cut",
    "<rss><channel><item><title>T</title></item><item><title>Second</title></item></channel>",
    "<rss><channel><item><title>T</tilte></item><item><title>Second</title></item></channel></rss>",
    "<rss><channel><item><title>T <b>bold</title></item><item><title>Second</title></item></channel></rss>",
  ])
  func everydayBreakageLosesNothing(xml: String) throws {
    let output = try read(xml)
    #expect(output.articles.count >= 2, "\(xml)")
    #expect(output.articles.contains { $0.title == "Second" })
    #expect(output.articles.allSatisfy { !$0.title.unicodeScalars.contains { $0.value < 0x20 } })
  }

  @Test func latin1UnderAUTF8LabelIsReadAsIntended() throws {
    let data =
      Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss><channel><item><title>Caf".utf8) + Data([0xE9])
      + Data("</title></item></channel></rss>".utf8)
    #expect(try FeedReader.read(data).articles.first?.title == "Café")
  }

  @Test func entityBombsAndExternalEntitiesDoNothing() throws {
    let bomb = """
      <?xml version="1.0"?>
      <!DOCTYPE rss [
      <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
      <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
      <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
      <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
      <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
      <!ENTITY secret SYSTEM "file:///etc/passwd">
      ]>
      <rss><channel><item><title>Bomb &e; &secret;</title></item></channel></rss>
      """
    let article = try read(bomb).articles.first
    #expect(article?.title == "Bomb &e; &secret;")
  }

  /// Found by the fuzzer (Tests/Fuzz/run.sh, feed target): a title derived from an enclosure
  /// link whose bytes were not UTF-8 carried a C1 control (windows-1252's undefined 0x8D).
  @Test func aTitleDerivedFromALinkNeverHoldsControls() throws {
    let data =
      Data("<rss><channel><item><enclosure url=\"http://e.org/".utf8) + Data([0xB7, 0x8D, 0x9D, 0x00, 0xFF])
      + Data("/a.mp3\"/></item></channel></rss>".utf8)
    let article = try #require(try FeedReader.read(data).articles.first)
    #expect(!article.title.unicodeScalars.contains(where: HTMLText.isControl))
    #expect(!article.body.unicodeScalars.contains(where: HTMLText.isControl))
  }

  /// Found by the fuzzer: a link whose last segment ends in a lone "%" crashed the title.
  @Test func aLinkWithABrokenPercentEscapeStillTitlesTheItem() throws {
    let article = try rss("<enclosure url=\"http://example.org/podcast.%\" type=\"audio/mpeg\"/>")
    #expect(article?.title == "example.org podcast.%")
  }

  @Test func peopleInEveryFormFeedsWriteThem() {
    #expect(Person(parsing: "jo@example.org (Jo Bloggs)") == Person(name: "Jo Bloggs", email: "jo@example.org"))
    #expect(Person(parsing: "Jo Bloggs (jo@example.org)") == Person(name: "Jo Bloggs", email: "jo@example.org"))
    #expect(Person(parsing: "Jo Bloggs <jo@example.org>") == Person(name: "Jo Bloggs", email: "jo@example.org"))
    #expect(Person(parsing: " jo@example.org ") == Person(email: "jo@example.org"))
    #expect(Person(parsing: "Jo Bloggs (Reuters)") == Person(name: "Jo Bloggs (Reuters)"))
    #expect(Person(parsing: "  ") == nil)
  }

  @Test func nonFeedsAreNamed() {
    #expect(throws: FeedReader.ReadError.self) { try read("<html><body>page</body></html>") }
    #expect(throws: FeedReader.ReadError.self) { try read("just text") }
    #expect(throws: FeedReader.ReadError.self) { try read("<svg></svg>") }
  }
}
