import Foundation

/// One item of newsboat's `cache.db` (`rss_item`), as newsboat stored it: the HTML content
/// it kept, a Unix time, the item's GUID and link. ``article(feedTitle:)`` builds the article
/// the way a feed item becomes one (``FeedReader``), so that the same item fetched later by
/// `parallax sync` is recognised as already stored (same link, else same GUID).
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

  /// The article, as a feed item becomes one; nil when the item holds nothing.
  public func article(feedTitle: String?) -> Article? {
    var item = FeedItem()
    item.id = guid.isEmpty ? url : guid
    item.title = HTMLText.dropControls(title)
    item.text = FeedDocumentReader.looksLikeMarkup(content) ? HTMLText.text(content) : HTMLText.dropControls(content)
    let link = url.trimmingCharacters(in: .whitespaces)
    item.link = link.isEmpty ? nil : link
    if published > 0 && published < 253_402_300_800 {
      item.published = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(published)))
    }
    let name = author.trimmingCharacters(in: .whitespaces)
    if !name.isEmpty { item.addAuthor(Person(name: HTMLText.dropControls(name))) }
    if let enclosure = enclosureURL, !enclosure.isEmpty {
      item.addEnclosure(Enclosure(url: enclosure, type: enclosureType.flatMap { $0.isEmpty ? nil : $0 }, length: nil))
    }
    if item.id.isEmpty && item.link == nil { item.id = FeedReader.contentID(item) }
    return FeedReader.makeArticle(item, source: feedTitle)
  }
}
