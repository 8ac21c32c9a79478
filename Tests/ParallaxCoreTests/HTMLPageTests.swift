import Foundation
import Testing

@testable import ParallaxCore

/// Pages written for each rule of the reader-view extractor: what stays, what goes, what
/// becomes metadata.
@Suite struct HTMLPageTests {
  /// Four paragraphs of real article length (the extractor's first pass needs 500
  /// characters, the article judgement paragraphs of 140).
  static let story = """
    <p>A winter storm cut power to 48,000 homes along the northern coast on Tuesday, officials said, \
    as winds of up to 110 km/h brought down lines, closed the coastal road and kept ferries in port.</p>
    <p>Crews from three neighbouring counties worked through the night, and by noon on Wednesday half \
    of the homes had their power back, according to the regional utility, which expects the rest by Friday.</p>
    <p>"We have never seen damage spread over so many small lines at once," said Maria Lopez, who leads \
    the utility's repair teams, adding that the hardest places to reach were the farms above the cliffs.</p>
    <p>Schools in four towns stayed closed, and the coastal road, which was shut after a landslide near \
    the harbour, is expected to reopen on Thursday once engineers have checked the retaining wall.</p>
    """

  static func page(head: String = "<title>Storm cuts power to 48,000 homes | Coast Herald</title>", body: String)
    -> HTMLPage
  {
    HTMLPage("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\(head)</head><body>\(body)</body></html>")
  }

  static let kept = [
    "A winter storm cut power", "Crews from three neighbouring counties", "We have never seen damage",
    "Schools in four towns",
  ]

  func expectStoryKept(_ page: HTMLPage, sourceLocation: SourceLocation = #_sourceLocation) {
    for fragment in Self.kept {
      #expect(page.text.contains(fragment), "lost: \(fragment)", sourceLocation: sourceLocation)
    }
  }

  @Test func theArticleIsFoundAmongNavigationSidebarsAndFooters() {
    let page = Self.page(
      body: """
        <header class="site-header"><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
        <div class="layout"><div class="sidebar"><h3>Most read</h3><ul><li><a href="/1">Council votes on budget</a></li>
        <li><a href="/2">Harbour festival returns</a></li><li><a href="/3">New bus timetable</a></li></ul></div>
        <main><article><h1>Storm cuts power to 48,000 homes</h1>\(Self.story)</article></main></div>
        <footer class="site-footer"><p>© 2024 Coast Herald. All rights reserved. Terms. Privacy.</p></footer>
        """)
    expectStoryKept(page)
    for chrome in ["Home", "Most read", "Council votes", "All rights reserved"] {
      #expect(!page.text.contains(chrome), "kept: \(chrome)")
    }
    #expect(page.title == "Storm cuts power to 48,000 homes")
    #expect(page.isArticle)
    #expect(page.language == "en")
  }

  @Test func aCommentSectionIsNotPartOfTheArticle() {
    let page = Self.page(
      body: """
        <article>\(Self.story)
        <section id="comments" class="comments"><h3>12 comments</h3>
        <div class="comment"><p>I live up there and it was the worst storm in decades, the whole valley went dark \
        for two nights and nobody from the utility came by at all, which is a disgrace frankly.</p></div>
        <div class="comment"><p>Same here, no power since Monday evening and the phone lines are down too.</p></div>
        </section></article>
        """)
    expectStoryKept(page)
    #expect(!page.text.contains("worst storm in decades"))
    #expect(!page.text.contains("12 comments"))
  }

  @Test func aRelatedStoriesListIsNotPartOfTheArticle() {
    let page = Self.page(
      body: """
        <article>\(Self.story)
        <div class="related-stories"><h2>Related</h2><ul>
        <li><a href="/a">Storm damage: how to claim</a></li><li><a href="/b">Ferries cancelled again</a></li>
        <li><a href="/c">Landslide closes road</a></li></ul></div>
        <h3>More on this story</h3><ul><li><a href="/d">Power cuts</a></li><li><a href="/e">Weather</a></li>
        <li><a href="/f">Coast</a></li></ul>
        </article>
        """)
    expectStoryKept(page)
    for chrome in ["Storm damage: how to claim", "Ferries cancelled", "More on this story", "Power cuts"] {
      #expect(!page.text.contains(chrome), "kept: \(chrome)")
    }
  }

  @Test func aBylineBecomesTheAuthorNotText() {
    let page = Self.page(
      body: """
        <article><h1>Storm cuts power to 48,000 homes</h1>
        <div class="byline">By Jo Bloggs and Sam Roe</div>\(Self.story)</article>
        """)
    expectStoryKept(page)
    #expect(page.byline == "By Jo Bloggs and Sam Roe")
    #expect(page.authors == ["Jo Bloggs", "Sam Roe"])
    #expect(!page.text.contains("Jo Bloggs"))
  }

  @Test func aBylineMarkedByItsNameIsJustTheName() {
    let page = Self.page(
      body: """
        <article><p class="author-line">Posted by <span itemprop="name">Jo Bloggs</span> on 4 May</p>\(Self.story)</article>
        """)
    #expect(page.byline == "Jo Bloggs")
    #expect(!page.text.contains("Posted by"))
  }

  @Test func aShareBarIsNotPartOfTheArticle() {
    let page = Self.page(
      body: """
        <article><div class="share-bar"><a href="https://facebook.com/share">Facebook</a>
        <a href="https://twitter.com/share">Twitter</a> <a href="mailto:?">Email</a></div>
        \(Self.story)
        <div class="post_share"><span>Share this article</span> <a href="#">Copy link</a></div></article>
        """)
    expectStoryKept(page)
    for chrome in ["Facebook", "Twitter", "Share this article", "Copy link"] {
      #expect(!page.text.contains(chrome), "kept: \(chrome)")
    }
  }

  @Test func aTeaserArticleNestedInTheArticleIsLeftOut() {
    let page = Self.page(
      body: """
        <article class="story"><h1>Storm cuts power to 48,000 homes</h1>\(Self.story)
        <aside class="promo"><article class="teaser"><h3><a href="/other">Harbour festival returns</a></h3>
        <p>The festival is back after four years.</p></article></aside></article>
        """)
    expectStoryKept(page)
    #expect(!page.text.contains("Harbour festival"))
  }

  @Test func headingsListsQuotesAndCaptionsInsideTheArticleStay() {
    let page = Self.page(
      body: """
        <article>\(Self.story)<h2>What to do in a power cut</h2>
        <ul><li>Keep freezers closed to keep food cold for up to two days.</li>
        <li>Check on elderly neighbours, who may need help with heating and light.</li></ul>
        <blockquote><p>Stay away from fallen lines, even if they look dead.</p></blockquote>
        <figure><img src="storm.jpg" alt=""><figcaption>Fallen lines near the harbour on Tuesday.</figcaption></figure>
        </article>
        """)
    expectStoryKept(page)
    let paragraphs = Article.paragraphs(of: page.text)
    for kept in [
      "What to do in a power cut", "Keep freezers closed to keep food cold for up to two days.",
      "Check on elderly neighbours, who may need help with heating and light.",
      "Stay away from fallen lines, even if they look dead.", "Fallen lines near the harbour on Tuesday.",
    ] {
      #expect(paragraphs.contains(kept), "lost: \(kept)")
    }
  }

  @Test func jsonLDMetadataComesFirst() {
    let page = Self.page(
      head: """
        <title>Storm | Coast Herald</title>
        <meta property="og:title" content="Storm cuts power (Open Graph)">
        <meta property="og:site_name" content="Herald OG">
        <meta name="author" content="Meta Author">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
        "headline":"Storm cuts power to 48,000 homes","author":[{"@type":"Person","name":"Jo Bloggs"},
        {"@type":"Person","name":"Sam Roe"}],"datePublished":"2024-05-01T09:30:00+02:00",
        "dateModified":"2024-05-02T10:00:00Z","publisher":{"@type":"Organization","name":"Coast Herald"},
        "description":"Winds of 110 km/h."}</script>
        """,
      body: "<article>\(Self.story)</article>")
    #expect(page.title == "Storm cuts power to 48,000 homes")
    #expect(page.authors == ["Jo Bloggs", "Sam Roe"])
    #expect(page.byline == "Jo Bloggs, Sam Roe")
    #expect(page.published == "2024-05-01T07:30:00Z")
    #expect(page.modified == "2024-05-02T10:00:00Z")
    #expect(page.siteName == "Coast Herald")
    #expect(page.excerpt == "Winds of 110 km/h.")
  }

  @Test func openGraphAndMetaTagsWithoutJSONLD() {
    let page = Self.page(
      head: """
        <title>Storm | Coast Herald</title><meta property="og:title" content="Storm cuts power to 48,000 homes">
        <meta property="og:site_name" content="Coast Herald"><meta name="author" content="Jo Bloggs">
        <meta property="article:published_time" content="2024-05-01T09:30:00Z">
        """,
      body: "<article>\(Self.story)</article>")
    #expect(page.title == "Storm cuts power to 48,000 homes")
    #expect(page.byline == "Jo Bloggs")
    #expect(page.published == "2024-05-01T09:30:00Z")
    #expect(page.siteName == "Coast Herald")
  }

  @Test(arguments: [
    ("Storm cuts power to 48,000 homes | Coast Herald", "", "", "Storm cuts power to 48,000 homes"),
    ("Storm cuts power to 48,000 homes - Coast Herald", "", "", "Storm cuts power to 48,000 homes"),
    ("Storm cuts power to 48,000 homes – Coast Herald", "", "", "Storm cuts power to 48,000 homes"),
    ("Coast Herald: Storm cuts power to 48,000 homes", "", "", "Storm cuts power to 48,000 homes"),
    ("Storm", "", "", "Storm"),
    // Readability keeps a site-first path whole; the page's only <h1> or its site name cut it.
    (
      "Coast Herald » News » Storm cuts power to 48,000 homes", "", "<h1>Storm cuts power to 48,000 homes</h1>",
      "Storm cuts power to 48,000 homes"
    ),
    ("Coast Herald | Storm hits", "<meta property=\"og:site_name\" content=\"Coast Herald\">", "", "Storm hits"),
  ])
  func theSiteNameIsCutFromTheTitle(written: String, meta: String, heading: String, expected: String) {
    let page = Self.page(head: "<title>\(written)</title>\(meta)", body: "<article>\(heading)\(Self.story)</article>")
    #expect(page.title == expected)
  }

  @Test func aFrontPageIsNotAnArticle() {
    var teasers = ""
    for i in 1...30 {
      teasers += "<div class=\"teaser\"><h3><a href=\"/s/\(i)\">Headline number \(i) about the coast</a></h3>"
      teasers += "<p>A short teaser for story \(i).</p></div>"
    }
    let page = Self.page(head: "<title>Coast Herald: news from the coast</title>", body: "<main>\(teasers)</main>")
    #expect(!page.isArticle)
    #expect(page.notArticleReason?.contains("no paragraph of article length") == true)
  }

  @Test func hiddenPartsAndScriptsAreNeverText() {
    let page = Self.page(
      body: """
        <article>\(Self.story)<div style="display: none">Hidden promo text</div><p hidden>Also hidden</p>
        <script>var x = "script text";</script><noscript>Enable JavaScript</noscript>
        <style>p { color: red }</style></article>
        """)
    expectStoryKept(page)
    for hidden in ["Hidden promo", "Also hidden", "script text", "Enable JavaScript", "color: red"] {
      #expect(!page.text.contains(hidden))
    }
  }

  @Test func textWithBreaksInsteadOfParagraphsIsSplit() {
    let body = Self.story.replacingOccurrences(of: "<p>", with: "").replacingOccurrences(of: "</p>", with: "<br><br>")
    let page = Self.page(body: "<div class=\"entry\">\(body)</div>")
    expectStoryKept(page)
    #expect(Article.paragraphs(of: page.text).count == 4)
  }

  @Test func anEmptyOrBrokenPageGivesNoTextAndSaysWhy() {
    for html in ["", "<html>", "\u{0}\u{1}\u{2}", "<p>Too short.</p>"] {
      let page = HTMLPage(html)
      #expect(!page.isArticle)
      #expect(page.notArticleReason != nil)
    }
  }

  @Test func controlCharactersNeverReachTheText() {
    let page = Self.page(
      head: "<title>Storm\u{1B}[31m cuts power</title>",
      body:
        "<article>\(Self.story)<p>Evil \u{1B}]52;c;AAAA\u{07} text &#x9b;2J here, long enough to be kept in the text.</p></article>"
    )
    #expect(!page.text.unicodeScalars.contains { HTMLText.isControl($0) })
    #expect(!(page.title ?? "").unicodeScalars.contains { HTMLText.isControl($0) })
  }
}
