/// A file a feed item carries (a podcast's audio, an image, a video): its address, media
/// type and size as the feed gives them.
public struct Enclosure: Sendable, Hashable, Codable {
  public var url: String
  /// The media type (`audio/mpeg`), when given.
  public var type: String?
  /// The size in bytes, when given.
  public var length: Int?

  public init(url: String, type: String? = nil, length: Int? = nil) {
    self.url = url
    self.type = type
    self.length = length
  }
}
