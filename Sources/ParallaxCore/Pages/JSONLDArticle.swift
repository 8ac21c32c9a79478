import Foundation

/// The schema.org article a page describes in `<script type="application/ld+json">`:
/// the first object (or `@graph` member, or array element) whose `@type` is an article
/// type (`Article`, `NewsArticle`, `BlogPosting`, `ReportageNewsArticle`…), in a
/// schema.org `@context`.
struct JSONLDArticle {
  var name: String?
  var headline: String?
  var authors: [String] = []
  var description: String?
  var publisher: String?
  var published: String?
  var modified: String?

  /// Article types of schema.org that Readability reads.
  static let articleTypes = [
    "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle", "BackgroundNewsArticle",
    "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle", "Report", "SatiricalArticle",
    "ScholarlyArticle", "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting", "LiveBlogPosting",
    "DiscussionForumPosting", "TechArticle", "APIReference",
  ]

  init?(root: PageNode) {
    for script in root.descendants(named: ["script"])
    where script.attribute("type")?.lowercased() == "application/ld+json" {
      var text = script.textContent.trimmingCharacters(in: .whitespacesAndNewlines)
      if text.hasPrefix("<![CDATA[") { text.removeFirst(9) }
      if text.hasSuffix("]]>") { text.removeLast(3) }
      guard let data = text.data(using: .utf8),
        let parsed = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
        let article = Self.article(in: parsed)
      else { continue }
      self.init(article)
      return
    }
    return nil
  }

  private init(_ object: [String: Any]) {
    name = (object["name"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines)
    headline = (object["headline"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines)
    let people: [Any] = (object["author"] as? [Any]) ?? (object["author"].map { [$0] } ?? [])
    authors = people.compactMap { person in
      let name = ((person as? [String: Any])?["name"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines)
      return name?.isEmpty == false ? name : nil
    }
    description = (object["description"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines)
    publisher = ((object["publisher"] as? [String: Any])?["name"] as? String)?.trimmingCharacters(
      in: .whitespacesAndNewlines)
    published = (object["datePublished"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines)
    modified = (object["dateModified"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// The authors' names joined with commas.
  var byline: String? { authors.isEmpty ? nil : authors.joined(separator: ", ") }

  /// `name`, unless `headline` differs and matches the page's title while `name` does not
  /// (some sites put their own name in `name`).
  func title(pageTitle: String) -> String? {
    if let name, let headline, name != headline {
      let nameMatches = ReaderExtractor.textSimilarity(name, pageTitle) > 0.75
      let headlineMatches = ReaderExtractor.textSimilarity(headline, pageTitle) > 0.75
      return headlineMatches && !nameMatches ? headline : name
    }
    return name ?? headline
  }

  /// The article object in a parsed JSON-LD value.
  static func article(in value: Any) -> [String: Any]? {
    if let array = value as? [Any] {
      return array.lazy.compactMap { $0 as? [String: Any] }.first(where: isArticle).flatMap { article(in: $0) }
    }
    guard let object = value as? [String: Any], hasSchemaContext(object) else { return nil }
    if object["@type"] == nil, let graph = object["@graph"] as? [Any] {
      return graph.lazy.compactMap { $0 as? [String: Any] }.first(where: isArticle)
    }
    return isArticle(object) ? object : nil
  }

  static func hasSchemaContext(_ object: [String: Any]) -> Bool {
    func isSchema(_ text: String) -> Bool {
      let t = text.lowercased()
      return ["http://schema.org", "https://schema.org", "http://schema.org/", "https://schema.org/"].contains(t)
    }
    if let context = object["@context"] as? String { return isSchema(context) }
    if let context = object["@context"] as? [String: Any], let vocab = context["@vocab"] as? String {
      return isSchema(vocab)
    }
    return false
  }

  static func isArticle(_ object: [String: Any]) -> Bool {
    let types = (object["@type"] as? [Any])?.compactMap { $0 as? String } ?? [(object["@type"] as? String) ?? ""]
    return types.contains { type in type.hasPrefix("Article") || articleTypes.contains(where: type.contains) }
  }
}
