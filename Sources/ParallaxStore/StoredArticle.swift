import Foundation
import GRDB
import ParallaxCore

/// One row of the `article` table: an article with its read state and provenance.
public struct StoredArticle: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "article"

  public var rowID: Int64?
  /// Identity across imports: the link when there is one, else `id:` and the input id.
  public var key: String
  /// The input's id (JSON Lines id or relative path).
  public var inputID: String
  public var title: String
  public var body: String
  public var source: String?
  public var published: String?
  public var url: String?
  /// JSON array of attribution lines.
  public var attributions: String
  /// JSON object of unknown input fields.
  public var metadata: String
  /// JSON object of what feeds tell besides the text: summary, authors, categories,
  /// enclosures, updated (``ArticleDetails``).
  public var details: String
  /// When the article entered the store (ISO 8601).
  public var fetchedAt: String
  public var isRead: Bool
  public var isStarred: Bool
  /// The story id from the last grouping, if any.
  public var story: String?
  /// The article's language (a BCP 47 tag): as its input declared it, else as grouping
  /// guessed it from the text (``Language/guess(_:)``); nil for rows stored before store
  /// format 12 until they are signed again.
  public var language: String?

  enum CodingKeys: String, CodingKey {
    case rowID = "id"
    case key, inputID, title, body, source, published, url, attributions, metadata, details, fetchedAt, isRead,
      isStarred, story, language
  }

  public mutating func didInsert(_ inserted: InsertionSuccess) { rowID = inserted.rowID }

  /// A row for `article`, fetched at `date`.
  public init(_ article: Article, fetchedAt date: Date) {
    self.init(article, fetchedAt: PublicationTime.string(from: date))
  }

  /// A row for `article`, fetched at `fetchedAt` (ISO 8601).
  public init(_ article: Article, fetchedAt: String) {
    rowID = nil
    key = Self.key(of: article)
    inputID = article.id
    title = article.title
    body = article.body
    source = article.source
    published = article.published
    url = article.url
    attributions = Self.json(article.attributions)
    metadata = Self.json(article.metadata)
    details = ArticleDetails(article).json
    self.fetchedAt = fetchedAt
    isRead = false
    isStarred = false
    story = nil
    language = article.language
  }

  /// Identity across imports: the link when there is one, else `id:` and the input id.
  public static func key(of article: Article) -> String { article.identityKey }

  /// The article (for grouping and display). A JSON column that cannot be read (damaged on
  /// disk, or edited by hand) is not dropped: its stored text is kept (``damagedColumns``
  /// names it): attributions as one line, metadata and details under `damaged metadata`
  /// and `damaged details`.
  public var article: Article {
    var a = Article(
      id: inputID, title: title, body: body, source: source, published: published, url: url)
    if let lines = try? JSONDecoder().decode([String].self, from: Data(attributions.utf8)) {
      a.attributions = lines
    } else {
      a.attributions = [attributions]
    }
    if let fields = try? JSONDecoder().decode([String: String].self, from: Data(metadata.utf8)) {
      a.metadata = fields
    } else {
      a.metadata = ["damaged metadata": metadata]
    }
    if let decoded = ArticleDetails(decoding: details) {
      decoded.apply(to: &a)
    } else {
      a.metadata["damaged details"] = details
    }
    a.language = language
    return a
  }

  /// The JSON columns (`attributions`, `metadata`, `details`) that cannot be read; empty for a
  /// sound row.
  public var damagedColumns: [String] {
    var out: [String] = []
    if (try? JSONDecoder().decode([String].self, from: Data(attributions.utf8))) == nil { out.append("attributions") }
    if (try? JSONDecoder().decode([String: String].self, from: Data(metadata.utf8))) == nil { out.append("metadata") }
    if ArticleDetails(decoding: details) == nil { out.append("details") }
    return out
  }

  static func json(_ value: [String]) -> String {
    value.isEmpty ? "[]" : encode(value)
  }

  static func json(_ value: [String: String]) -> String {
    value.isEmpty ? "{}" : encode(value)
  }

  static func encode<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "null"
  }
}

/// One row of the `feed` table: a subscription and its HTTP cache state.
public struct Feed: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "feed"
  public var rowID: Int64?
  public var url: String
  public var title: String?
  public var etag: String?
  public var lastModified: String?
  public var lastFetched: String?
  public var lastError: String?
  /// Tags as a JSON array (from newsboat's `urls`).
  public var tags: String = "[]"
  /// Hidden from the feed list (newsboat's `!`).
  public var hidden = false

  enum CodingKeys: String, CodingKey {
    case rowID = "id"
    case url, title, etag, lastModified, lastFetched, lastError, tags, hidden
  }

  /// The tags, decoded.
  public var tagList: [String] { (try? JSONDecoder().decode([String].self, from: Data(tags.utf8))) ?? [] }

  public init(url: String, title: String? = nil) {
    self.url = url
    self.title = title
  }

  public mutating func didInsert(_ inserted: InsertionSuccess) { rowID = inserted.rowID }
}

/// What feeds tell about an article besides its text, stored as one JSON column: fields
/// that are shown and exported but never searched or grouped on.
struct ArticleDetails: Codable {
  var summary: String?
  var authors: [Person]?
  var categories: [String]?
  var enclosures: [Enclosure]?
  var updated: String?

  init(_ article: Article) {
    summary = article.summary
    authors = article.authors.isEmpty ? nil : article.authors
    categories = article.categories.isEmpty ? nil : article.categories
    enclosures = article.enclosures.isEmpty ? nil : article.enclosures
    updated = article.updated
  }

  init(json: String) {
    self = Self(decoding: json) ?? Self(Article(id: "", title: "", body: ""))
  }

  /// The details a JSON column holds; nil when it cannot be read.
  init?(decoding json: String) {
    guard let decoded = try? JSONDecoder().decode(Self.self, from: Data(json.utf8)) else { return nil }
    self = decoded
  }

  var json: String {
    summary == nil && authors == nil && categories == nil && enclosures == nil && updated == nil
      ? "{}" : StoredArticle.encode(self)
  }

  func apply(to article: inout Article) {
    article.summary = summary
    article.authors = authors ?? []
    article.categories = categories ?? []
    article.enclosures = enclosures ?? []
    article.updated = updated
  }
}
