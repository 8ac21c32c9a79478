import Foundation

/// One item of newsboat's `cache.db` (`rss_item`), as newsboat stored it: the HTML content
/// it kept, a Unix time, the item's GUID and link, its read state and flags.
public struct NewsboatItem: Sendable, Equatable {
  public var guid: String
  public var title: String
  public var author: String
  public var url: String
  public var feedURL: String
  /// Seconds since 1970 (newsboat's `pubDate`).
  public var published: Int64
  /// HTML, as newsboat kept it.
  public var content: String
  public var unread: Bool
  public var enclosureURL: String?
  public var enclosureType: String?
  /// newsboat's flag letters (`s`, `A`…): any flag makes the article starred.
  public var flags: String

  public init(
    guid: String, title: String, author: String, url: String, feedURL: String, published: Int64, content: String,
    unread: Bool, enclosureURL: String?, enclosureType: String?, flags: String
  ) {
    self.guid = guid
    self.title = title
    self.author = author
    self.url = url
    self.feedURL = feedURL
    self.published = published
    self.content = content
    self.unread = unread
    self.enclosureURL = enclosureURL
    self.enclosureType = enclosureType
    self.flags = flags
  }

  /// Whether newsboat has the item flagged.
  public var isFlagged: Bool { !flags.trimmingCharacters(in: .whitespaces).isEmpty }

  /// The article, as a feed item becomes one (``KeptFeedItem``); nil when the item holds
  /// nothing.
  public func article(feedTitle: String?) -> Article? {
    KeptFeedItem(
      guid: guid, title: title, author: author, url: url, published: published, content: content,
      enclosureURL: enclosureURL, enclosureType: enclosureType
    ).article(feedTitle: feedTitle)
  }
}
