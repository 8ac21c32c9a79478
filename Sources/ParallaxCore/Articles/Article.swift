/// One news article as read from an input: display text plus metadata.
///
/// `body` keeps the original wording (page furniture removed, paragraphs separated by
/// blank lines); matching code never reads it directly but goes through
/// ``TextNormalizer`` so that quotes, dashes and Unicode forms do not matter.
public struct Article: Sendable, Hashable, Codable {
  /// The input's identifier: the JSON Lines `id`, or the file path relative to the argument.
  public var id: String
  /// The headline.
  public var title: String
  /// The article text for display, paragraphs separated by `"\n\n"`.
  public var body: String
  /// The outlet or feed, when known.
  public var source: String?
  /// Publication time as given by the input (ISO 8601 when the input uses it).
  public var published: String?
  /// Link to the original, when known.
  public var url: String?
  /// Attribution lines taken out of the text ("Edited and published by …").
  public var attributions: [String]
  /// Input fields Parallax does not interpret. Never used for grouping.
  public var metadata: [String: String]
  /// The feed's summary of the article, as text, when the feed gave one besides the body.
  public var summary: String? = nil
  /// The language as the input declares it (a BCP 47 tag: the feed's `language`, the JSON
  /// Lines `language` field), when it does; grouping guesses it from the text otherwise.
  public var language: String? = nil
  /// Authors and contributors, as the feed names them.
  public var authors: [Person] = []
  /// Categories and tags, as the feed writes them.
  public var categories: [String] = []
  /// Files the item carries (podcast audio, images).
  public var enclosures: [Enclosure] = []
  /// When the article was last changed (ISO 8601 when the input uses it), if given.
  public var updated: String? = nil

  public init(
    id: String, title: String, body: String, source: String? = nil, published: String? = nil,
    url: String? = nil, attributions: [String] = [], metadata: [String: String] = [:]
  ) {
    self.id = id
    self.title = title
    self.body = body
    self.source = source
    self.published = published
    self.url = url
    self.attributions = attributions
    self.metadata = metadata
  }

  /// The paragraphs of the body, in order.
  public var paragraphs: [String] { Self.paragraphs(of: body) }

  /// The paragraphs of a text whose paragraphs are separated by blank lines (`"\n\n"`).
  public static func paragraphs(of body: String) -> [String] {
    var result: [String] = []
    let bytes = Array(body.utf8)
    var start = 0
    var i = 0
    while i + 1 < bytes.count {
      if bytes[i] == 0x0A && bytes[i + 1] == 0x0A {
        if i > start { result.append(String(decoding: bytes[start..<i], as: UTF8.self)) }
        i += 2
        start = i
      } else {
        i += 1
      }
    }
    if start < bytes.count { result.append(String(decoding: bytes[start...], as: UTF8.self)) }
    return result
  }

  /// Title and body together, as used for matching.
  public var fullText: String { title + "\n\n" + body }

  /// Identity across imports: the link when there is one (``canonicalLink(_:)``), else
  /// `id:` and the input id. One article carried by two feeds has one identity, and a feed
  /// that moves from `http` to `https` or changes the case of its host keeps it.
  public var identityKey: String {
    guard let url, !url.isEmpty else { return "id:" + id }
    return Self.canonicalLink(url)
  }

  /// `link` with its scheme and host lowercased and `http` read as `https`: the same
  /// article whichever of these a feed writes.
  public static func canonicalLink(_ link: String) -> String {
    guard let separator = link.range(of: "://") else { return link }
    var scheme = link[..<separator.lowerBound].lowercased()
    guard scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) else { return link }
    if scheme == "http" { scheme = "https" }
    let rest = link[separator.upperBound...]
    let hostEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
    return scheme + "://" + rest[..<hostEnd].lowercased() + rest[hostEnd...]
  }
}
