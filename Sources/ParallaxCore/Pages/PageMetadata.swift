import Foundation

/// What a web page says about its article outside the text: title, byline and authors,
/// times, site name, description. Read as Readability reads it, JSON-LD (schema.org
/// `NewsArticle`, `Article`, `BlogPosting` and their kin) first, then `<meta>` tags (Dublin
/// Core, Open Graph, Twitter, Parse.ly, Weibo, `article:`), then the `<title>` with the
/// site's name cut off.
struct PageMetadata {
  var title: String?
  var byline: String?
  /// Every author named, in order (JSON-LD's `author` list, else the byline's one name).
  var authors: [String] = []
  var excerpt: String?
  var siteName: String?
  var published: String?
  var modified: String?
  var language: String?

  /// Reads the metadata of the page whose root is `root` (scripts still in place).
  init(root: PageNode) {
    let jsonLD = JSONLDArticle(root: root)
    var values: [String: String] = [:]
    for meta in root.descendants(named: ["meta"]) {
      guard let content = meta.attribute("content"), !content.isEmpty else { continue }
      let value = content.trimmingCharacters(in: .whitespacesAndNewlines)
      if let property = meta.attribute("property"), let name = Self.propertyName(property) {
        values[name] = value
      } else if let name = meta.attribute("name"), let key = Self.metaName(name) {
        values[key] = value
      }
      if meta.attribute("http-equiv")?.lowercased() == "content-language" { values["content-language"] = value }
    }
    func first(_ keys: [String]) -> String? { keys.lazy.compactMap { values[$0] }.first(where: { !$0.isEmpty }) }

    title =
      jsonLD?.title(pageTitle: Self.pageTitle(root))
      ?? first([
        "dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title",
        "twitter:title", "parsely-title",
      ]) ?? Self.pageTitle(root)
    // `article:author` is often a profile's address, which is no byline.
    let articleAuthor = values["article:author"].flatMap { $0.contains("://") ? nil : $0 }
    siteName = jsonLD?.publisher ?? first(["og:site_name"])
    if let current = title, current == Self.documentTitle(root) {
      title = Self.headline(in: current, siteName: siteName, root: root)
    }
    byline = jsonLD?.byline ?? first(["dc:creator", "dcterm:creator", "author", "parsely-author"]) ?? articleAuthor
    authors = jsonLD?.authors ?? []
    if authors.isEmpty, let byline { authors = [byline] }
    excerpt =
      jsonLD?.description
      ?? first([
        "dc:description", "dcterm:description", "og:description", "weibo:article:description",
        "weibo:webpage:description", "description", "twitter:description",
      ])
    published = jsonLD?.published ?? first(["article:published_time", "parsely-pub-date"])
    modified = jsonLD?.modified ?? first(["article:modified_time", "og:updated_time"])
    language = first(["content-language"])
    title = title.map(Self.unescape)
    byline = byline.map(Self.unescape)
    authors = authors.map(Self.unescape)
    excerpt = excerpt.map(Self.unescape)
    siteName = siteName.map(Self.unescape)
    published = published.map(Self.unescape)
    modified = modified.map(Self.unescape)
  }

  /// `article:author`, `og:title`, `dc:creator`… from a `property` attribute, which may
  /// list several space-separated names (the first one that is known counts).
  static func propertyName(_ property: String) -> String? {
    let prefixes = ["article", "dc", "dcterm", "og", "twitter"]
    let names = [
      "author", "creator", "description", "published_time", "modified_time", "updated_time", "title", "site_name",
    ]
    let lower = property.lowercased().filter { !$0.isWhitespace || $0 == " " }
    // The first `prefix:name` anywhere (`og:article:author` names `article:author`).
    var best: (offset: Int, key: String)?
    for prefix in prefixes {
      for name in names {
        let key = prefix + ":" + name
        guard let range = lower.range(of: key) else { continue }
        let offset = lower.distance(from: lower.startIndex, to: range.lowerBound)
        if best == nil || offset < best!.offset || (offset == best!.offset && key.count > best!.key.count) {
          best = (offset, key)
        }
      }
    }
    return best?.key
  }

  /// `author`, `dc.creator`, `twitter:title`, `parsely-pub-date`… from a `name` attribute,
  /// dots made colons.
  static func metaName(_ name: String) -> String? {
    let key = name.lowercased().filter { !$0.isWhitespace }
    let names = ["author", "creator", "pub-date", "description", "title", "site_name"]
    if names.contains(key) { return key }
    for prefix in ["dc", "dcterm", "og", "twitter", "parsely", "weibo:article", "weibo:webpage"] {
      guard key.hasPrefix(prefix) else { continue }
      let rest = key.dropFirst(prefix.count)
      guard let separator = rest.first, ".:-".contains(separator), names.contains(String(rest.dropFirst())) else {
        continue
      }
      return key.replacingOccurrences(of: ".", with: ":")
    }
    return nil
  }

  /// The document's `<title>`, whitespace folded.
  static func documentTitle(_ root: PageNode) -> String {
    guard let title = root.descendants(named: ["title"]).first else { return "" }
    return PageNode.normalise(title.textContent).split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// References that pages escape twice in attributes (`&amp;quot;`) decoded once more.
  static func unescape(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var result = text
    for (entity, value) in [("&quot;", "\""), ("&apos;", "'"), ("&lt;", "<"), ("&gt;", ">")] {
      result = result.replacingOccurrences(of: entity, with: value)
    }
    var out = ""
    var rest = Substring(result)
    while let start = rest.range(of: "&#") {
      out += rest[..<start.lowerBound]
      let after = rest[start.upperBound...]
      if let end = after.firstIndex(of: ";"), after.distance(from: after.startIndex, to: end) <= 8,
        let decoded = HTMLText.decode("#" + after[..<end])
      {
        out += decoded
        rest = after[after.index(after: end)...]
      } else {
        out += "&#"
        rest = after
      }
    }
    out += rest
    return out.replacingOccurrences(of: "&amp;", with: "&")
  }
}
