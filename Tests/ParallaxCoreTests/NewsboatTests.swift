import ParallaxCore
import Testing

/// newsboat's files read for the migration.
@Suite struct NewsboatTests {
  @Test func everyURLsLineIsTakenOrNamed() {
    let list = NewsboatURLs(
      parsing: """
        # a comment
        https://a.example/rss news "~Alpha Renamed" "two words"
        http://b.example/feed !
        https://c.example/rss !secret local

        "query:Unread news:unread = \\"yes\\" and tags # \\"news\\""
        exec:~/bin/make-feed.sh tag
        filter:~/bin/clean.sh:https://d.example/rss
        "query:broken
        ftp://e.example/feed
        query:NoExpression
        """)
    #expect(
      list.feeds == [
        .init(
          url: "https://a.example/rss", tags: ["news", "two words"], title: "Alpha Renamed", hidden: false, line: 2),
        .init(url: "http://b.example/feed", tags: [], title: nil, hidden: true, line: 3),
        .init(url: "https://c.example/rss", tags: ["secret", "local"], title: nil, hidden: true, line: 4),
      ])
    #expect(
      list.queries == [
        .init(name: "Unread news", expression: "unread = \"yes\" and tags # \"news\"", tags: [], line: 6)
      ])
    #expect(list.skipped.map(\.line) == [7, 8, 9, 10, 11])
    #expect(list.skipped[0].reason.hasPrefix("exec: feeds run a command"))
    #expect(list.skipped[1].reason.hasPrefix("filter: feeds run a command"))
    #expect(list.skipped[2].reason == "a quote is left open")
    #expect(list.skipped[3].reason == "not an http(s) address, a query: or an exec:/filter: line")
    #expect(list.skipped[4].reason == "a query needs a name and an expression")
  }

  @Test(arguments: [
    ("unread = \"yes\"", "unread"),
    ("unread = \"yes\" and tags # \"news\"", "unread tag:news"),
    ("flags # \"s\" or age < 3", "starred OR age<3"),
    ("feedurl =~ \"bbc.co.uk\" and age <= 2", "feed:bbc.co.uk age<3"),
    ("title =~ \"climate\"", "\"climate\""),
  ])
  func commonQueriesTranslate(expression: String, filter: String) throws {
    #expect(try NewsboatQuery.translate(expression).get() == filter)
    #expect(throws: Never.self) { try StoryQuery(parsing: filter) }
  }

  @Test(arguments: [
    ("unread = \"no\"", "unread = \"no\": only unread = \"yes\" is translated"),
    ("(unread = \"yes\")", "parentheses are not translated"),
    ("title =~ \"^Breaking.*\"", "title =~ \"^Breaking.*\": a regular expression"),
    ("author = \"x\"", "author = …: not translated"),
    ("unread =", "unread: expected ATTRIBUTE OPERATOR VALUE"),
  ])
  func othersAreRefusedWithTheReason(expression: String, reason: String) {
    guard case .failure(let error) = NewsboatQuery.translate(expression) else {
      Issue.record("translated: \(expression)")
      return
    }
    #expect(error.description == reason)
  }

  @Test func theConfigCarriesWhatHasAMeaningAndNamesTheRest() {
    let config = NewsboatConfig(
      parsing: """
        browser "lynx %u"
        bind-key j down
        bind-key ENTER open
        bind-key ^R reload-all
        bind-key x toggle-source-view
        reload-threads 8
        color background default default
        """)
    #expect(config.browser == "lynx %u")
    #expect(
      config.toml == "browser = \"lynx %u\"\nsync-concurrency = 8\n\n[keys]\ndown = [\"j\"]\nopen = [\"Enter\"]\n")
    #expect(report(config)[5] == "config:6: reload-threads 8: carried over")
    func report(_ config: NewsboatConfig) -> [String] { config.report("config") }
    let report = config.report("config")
    #expect(report.count == 7)
    #expect(report[3] == "config:4: bind-key ^R reload-all: not carried over: key ^R has no Parallax name")
    #expect(
      report[4]
        == "config:5: bind-key x toggle-source-view: not carried over: no Parallax action like toggle-source-view")
    #expect(report[6].hasSuffix("not carried over: colours are set in [colors] of config.toml"))
  }

  @Test func aTinyTinyRSSUserKeepsTheirServer() throws {
    let config = NewsboatConfig(
      parsing: """
        urls-source "ttrss"
        ttrss-url "https://rss.example.org/tt-rss/"
        ttrss-login "me"
        ttrss-password "plain"
        ttrss-passwordeval "pass show rss"
        ttrss-mode "multi"
        """)
    #expect(
      config.toml
        == "[server]\nkind = \"ttrss\"\nurl = \"https://rss.example.org/tt-rss/\"\nlogin = \"me\"\npassword-command = \"pass show rss\"\n"
    )
    let report = config.report("config")
    #expect(report[0] == "config:1: urls-source \"ttrss\": carried over")
    #expect(
      report[3].hasSuffix("not carried over: [server] takes one password source; ttrss-passwordeval was carried over"))
    #expect(report[4] == "config:5: ttrss-passwordeval \"pass show rss\": carried over")
    #expect(report[5].contains("not carried over"))
  }

  @Test func freshRSSAndMinifluxUsersAreToldWhatReplacesTheirSetting() {
    let config = NewsboatConfig(
      parsing: """
        urls-source "freshrss"
        freshrss-url "https://fresh.example.org/"
        freshrss-login "me"
        ttrss-url "https://unused.example/"
        """)
    #expect(config.server.isEmpty)
    let report = config.report("config")
    #expect(report[0].contains("kind = \"fever\", url = \"https://fresh.example.org/api/fever.php\""))
    #expect(report[1].contains("FreshRSS speaks the Fever API"))
    #expect(report[3].hasSuffix("not carried over: newsboat uses it only with urls-source \"ttrss\""))
    let miniflux = NewsboatConfig(parsing: "urls-source \"miniflux\"\nminiflux-url \"https://mf.example\"")
    #expect(miniflux.report("c")[0].contains("url = \"https://mf.example/fever/\""))
    #expect(NewsboatConfig(parsing: "urls-source \"newsblur\"").report("c")[0].contains("not newsblur"))
  }

  @Test func aCacheItemBecomesTheArticleAFeedItemWould() throws {
    let item = NewsboatItem(
      guid: "urn:storm", title: "Storm &amp; power", author: "Ana Ruiz", url: "https://w.example/storm",
      feedURL: "https://w.example/rss", published: 1_795_000_000,
      content: "<p>A storm cut power.</p><p>Crews worked &mdash; all night.</p>", unread: false,
      enclosureURL: "https://w.example/a.mp3", enclosureType: "audio/mpeg", flags: "s")
    let article = try #require(item.article(feedTitle: "Wire"))
    #expect(article.body == "A storm cut power.\n\nCrews worked — all night.")
    #expect(article.url == "https://w.example/storm")
    #expect(article.source == "Wire")
    #expect(article.published == "2026-11-18T11:06:40Z")
    #expect(article.authors.map(\.name) == ["Ana Ruiz"])
    #expect(article.enclosures.map(\.url) == ["https://w.example/a.mp3"])
    #expect(item.isFlagged)
  }
}
