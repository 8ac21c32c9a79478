import Foundation

/// A feed item as another reader kept it (newsboat's `cache.db`, a reader server's API): the
/// HTML or text content it stored, a Unix time, the item's GUID and link. ``article(feedTitle:)``
/// builds the article the way a feed item becomes one (``FeedReader``), so that the same item
/// fetched later by `parallax sync` is recognised as already stored (same link, else same
/// GUID).
public struct KeptFeedItem: Sendable, Equatable {
  public var guid: String
  public var title: String
  public var author: String
  public var url: String
  /// Seconds since 1970; 0 when unknown.
  public var published: Int64
  /// HTML or plain text, as the reader kept it.
  public var content: String
  public var enclosureURL: String?
  public var enclosureType: String?

  public init(
    guid: String, title: String, author: String, url: String, published: Int64, content: String,
    enclosureURL: String? = nil, enclosureType: String? = nil
  ) {
    self.guid = guid
    self.title = title
    self.author = author
    self.url = url
    self.published = published
    self.content = content
    self.enclosureURL = enclosureURL
    self.enclosureType = enclosureType
  }

  /// The article, as a feed item becomes one; nil when the item holds nothing.
  public func article(feedTitle: String?) -> Article? {
    var item = FeedItem()
    item.id = guid.isEmpty ? url : guid
    item.title = HTMLText.dropControls(title)
    item.text = FeedDocumentReader.looksLikeMarkup(content) ? HTMLText.text(content) : HTMLText.dropControls(content)
    let link = url.trimmingCharacters(in: .whitespaces)
    item.link = link.isEmpty ? nil : link
    if published > 0 && published < 253_402_300_800 {
      item.published = PublicationTime.string(from: Date(timeIntervalSince1970: TimeInterval(published)))
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
