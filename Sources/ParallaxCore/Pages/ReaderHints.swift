/// The class, id and text hints of Mozilla Readability's reader view (Readability.js, the
/// algorithm Firefox's reader view runs), as substring tests on lowercased ASCII instead of
/// regular expressions: every pattern there is a case-insensitive alternation of literal
/// fragments, so a scan for the fragments is the same test, without regex cost per node.
enum ReaderHints {
  /// Class/id fragments of page parts that are rarely the article (menus, comments, ads).
  static let unlikely = [
    "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
    "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
    "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
    "yom-remote",
  ]
  /// Fragments that rescue an unlikely-looking part ("main-header", "article-comments").
  static let maybeCandidate = ["and", "article", "body", "column", "content", "main", "mathjax", "shadow"]
  /// Fragments that add 25 to a part's weight.
  static let positive = [
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text", "blog",
    "story",
  ]
  /// Fragments that take 25 from a part's weight.
  static let negative = [
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footer", "footnote", "gdpr",
    "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
    "skyscraper", "sponsor", "shopping", "tags", "widget",
  ]
  /// Fragments of a byline's class or id.
  static let byline = ["byline", "author", "dateline", "writtenby", "p-author"]
  /// ARIA roles of parts that are never the article.
  static let unlikelyRoles: Set<String> = [
    "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog",
  ]
  /// Texts that are nothing but an advertisement label or a loading notice.
  static let adWords: Set<String> = [
    "ad", "advertising", "advertisement", "pub", "publicité", "werb", "werbung", "广告", "реклама", "anuncio",
  ]
  static let loadingWords = ["loading", "正在加载", "загрузка", "chargement", "cargando"]
  /// Hosts of embedded videos kept in the article.
  static let videoHosts = [
    "//www.dailymotion.com", "//dailymotion.com", "//www.youtube.com", "//youtube.com", "//www.youtube-nocookie.com",
    "//youtube-nocookie.com", "//player.vimeo.com", "//www.player.vimeo.com", "//v.qq.com", "//www.v.qq.com",
    "//archive.org", "//www.archive.org", "//upload.wikimedia.org", "//www.upload.wikimedia.org",
    "//player.twitch.tv", "//www.player.twitch.tv",
  ]

  /// Whether `text`, with ASCII letters lowercased, contains one of `fragments` (all
  /// lowercase). Compares UTF-8 bytes: this runs for every element of every page.
  static func matches(_ text: String, _ fragments: [String]) -> Bool {
    guard !text.isEmpty else { return false }
    var bytes = Array(text.utf8)
    for i in bytes.indices where bytes[i] >= 0x41 && bytes[i] <= 0x5A { bytes[i] |= 0x20 }
    return fragments.contains { fragment in
      var found = false
      fragment.utf8.withContiguousStorageIfAvailable { f in
        guard f.count <= bytes.count, let first = f.first else { return }
        var i = 0
        let last = bytes.count - f.count
        while i <= last {
          if bytes[i] == first {
            var k = 1
            while k < f.count && bytes[i + k] == f[k] { k += 1 }
            if k == f.count {
              found = true
              return
            }
          }
          i += 1
        }
      }
      return found
    }
  }

  /// Readability's negative test: the fragments, or `hid` as a whole space-separated word.
  static func isNegative(_ text: String) -> Bool {
    guard !text.isEmpty else { return false }
    if matches(text, negative) { return true }
    let lower = text.lowercased()
    return lower == "hid" || lower.hasPrefix("hid ") || lower.hasSuffix(" hid") || lower.contains(" hid ")
  }

  /// Whether `text` names a share widget: `share` or `sharedaddy` not inside a longer word
  /// (an underscore counts as a boundary: `post_share_bar`, but not `shared-content`).
  static func isShareWidget(_ text: String) -> Bool {
    let bytes = Array(text.lowercased().utf8)
    func isWordByte(_ b: UInt8) -> Bool {
      (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)
    }
    for word in ["sharedaddy", "share"] {
      let w = Array(word.utf8)
      guard bytes.count >= w.count else { continue }
      for start in 0...(bytes.count - w.count) where bytes[start..<(start + w.count)].elementsEqual(w) {
        let before = start == 0 || !isWordByte(bytes[start - 1])
        let end = start + w.count
        let after = end == bytes.count || !isWordByte(bytes[end])
        if before && after { return true }
      }
    }
    return false
  }

  /// Whether `text` is nothing but an advertisement label or a loading notice.
  static func isAdOrLoading(_ text: String) -> Bool {
    let lower = text.lowercased()
    if adWords.contains(lower) { return true }
    for word in loadingWords where lower.hasPrefix(word) {
      let rest = lower.dropFirst(word.count)
      if rest.isEmpty || rest == "…" || rest == "..." { return true }
    }
    return false
  }

  /// Whether any value names an allowed video host.
  static func isVideo(_ values: [String]) -> Bool {
    values.contains { matches($0, videoHosts) }
  }
}
