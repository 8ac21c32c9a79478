import Foundation

/// The article of a web page as a reader view shows it: the text found by
/// ``ReaderExtractor`` (Readability's algorithm: the best-scoring block and its related
/// siblings, chrome cleaned out) as paragraphs, with what the page says about it (title,
/// byline and authors, times, site, language, direction; JSON-LD and Open Graph first,
/// ``PageMetadata``) and whether the page is an article at all (``ReaderablePage``).
/// The page is parsed once, by libxml2's HTML parser.
public struct HTMLPage: Sendable, Hashable {
  /// The headline.
  public var title: String?
  /// The article's text, paragraphs separated by blank lines; the byline is not in it.
  public var text: String
  /// The byline as the page writes it.
  public var byline: String?
  /// The authors named, in order.
  public var authors: [String] = []
  /// When the article was published (ISO 8601 UTC when the page's form was understood).
  public var published: String?
  /// When it was last changed.
  public var modified: String?
  /// The site's own name (`og:site_name`, JSON-LD publisher).
  public var siteName: String?
  /// The page's short description.
  public var excerpt: String?
  /// The language (`<html lang>`, else `Content-Language`).
  public var language: String?
  /// The text direction (`ltr`, `rtl`) of the article or its nearest ancestor that says.
  public var direction: String?
  /// Whether the page reads as one article, not a front page, list, video page or stub.
  public var isArticle: Bool
  /// Why the page is not an article, when it is not.
  public var notArticleReason: String?

  /// Reads `html` (already decoded to text).
  /// - Complexity: about O(n·d) in the page's nodes n and depth d.
  public init(_ html: String) {
    guard let root = PageNode.parse(html) else {
      text = ""
      isArticle = false
      notArticleReason = "the page is empty"
      return
    }
    // Judged on the page as served, before the extractor edits it.
    let readerable = ReaderablePage.isProbablyArticle(root)
    let metadata = PageMetadata(root: root)
    let extractor = ReaderExtractor(root: root, title: metadata.title ?? "", metadataByline: metadata.byline)
    let content = extractor.extract()
    text = content?.paragraphs ?? ""
    title = Self.clean(metadata.title)
    byline = Self.clean(metadata.byline ?? extractor.byline)
    authors = metadata.authors.compactMap(Self.clean)
    if authors.isEmpty, let byline { authors = Self.names(inByline: byline) }
    published = metadata.published.map { FeedDates.iso8601($0) ?? $0 }.flatMap(Self.clean)
    modified = metadata.modified.map { FeedDates.iso8601($0) ?? $0 }.flatMap(Self.clean)
    siteName = Self.clean(metadata.siteName)
    excerpt = Self.clean(metadata.excerpt)
    language = Language.tag(extractor.language) ?? Language.tag(metadata.language)
    direction = Self.clean(extractor.direction)
    if text.isEmpty {
      isArticle = false
      notArticleReason = "no article text was found on the page"
    } else if !readerable, let content,
      !ReaderablePage.isShortArticle(content, linkDensity: extractor.linkDensity(content))
    {
      isArticle = false
      notArticleReason = "no paragraph of article length (a front page, list, video page or stub)"
    } else {
      isArticle = true
    }
  }

  /// Metadata text with controls dropped and whitespace folded; nil when nothing is left.
  static func clean(_ text: String?) -> String? {
    guard let text else { return nil }
    let cleaned = PlainTextReader.collapseSpaces(HTMLText.dropControls(text))
    return cleaned.isEmpty ? nil : cleaned
  }

  /// The names in a byline: `By Jo Bloggs and Sam Roe` gives both; a byline that reads as
  /// more than names (a date, a long credit) gives itself.
  static func names(inByline byline: String) -> [String] {
    var text = byline
    for prefix in ["by ", "By ", "BY "] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
    let parts = text.replacingOccurrences(of: " and ", with: ", ").split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    let plausible = parts.allSatisfy { part in
      !part.isEmpty && part.split(separator: " ").count <= 4 && !part.contains(where: \.isNumber)
    }
    return plausible ? parts : [text.trimmingCharacters(in: .whitespaces)]
  }
}
