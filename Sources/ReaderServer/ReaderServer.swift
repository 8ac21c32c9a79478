import Foundation
import ParallaxCore

/// A reader server's API (Fever, Tiny Tiny RSS): what `parallax sync` asks of the server a
/// user already runs. Item ids are the server's, as text; a cursor is where paging goes on.
public protocol ReaderServer: Sendable {
  /// Checks the account (and opens a session where the API has one).
  func logIn() async throws
  /// The subscriptions, each with its groups or category as tags.
  func feeds() async throws -> [ServerFeed]
  /// The next page of items after `cursor` (nil: from the first), oldest first; an empty
  /// page ends the paging.
  func items(after cursor: String?) async throws -> ServerItemPage
  /// Which items are unread and which starred now, by id.
  func state() async throws -> ServerState
  /// Marks items read, unread, starred or unstarred.
  func mark(_ ids: [String], _ mark: ServerMark) async throws
  /// Requests made so far (for `parallax sync -v` and the benchmark).
  var requestCount: Int { get }
}

/// A subscription on the server.
public struct ServerFeed: Sendable, Equatable {
  public var id: String
  public var title: String
  /// The feed's own address (what the server fetches).
  public var url: String
  /// Its groups (Fever) or category (Tiny Tiny RSS).
  public var tags: [String]

  public init(id: String, title: String, url: String, tags: [String]) {
    (self.id, self.title, self.url, self.tags) = (id, title, url, tags)
  }
}

/// One item on the server: the feed item it kept, with its read and starred state.
public struct ServerItem: Sendable, Equatable {
  public var id: String
  public var feedID: String
  public var item: KeptFeedItem
  public var isRead: Bool
  public var isStarred: Bool

  public init(id: String, feedID: String, item: KeptFeedItem, isRead: Bool, isStarred: Bool) {
    (self.id, self.feedID, self.item, self.isRead, self.isStarred) = (id, feedID, item, isRead, isStarred)
  }
}

/// A page of items and where the next one starts.
public struct ServerItemPage: Sendable, Equatable {
  public var items: [ServerItem]
  /// The cursor after this page (the same as before when the page is empty).
  public var cursor: String?

  public init(items: [ServerItem], cursor: String?) {
    self.items = items
    self.cursor = cursor
  }
}

/// The server's read and starred state, by item id.
public struct ServerState: Sendable, Equatable {
  public var unread: Set<String>
  public var starred: Set<String>

  public init(unread: Set<String>, starred: Set<String>) {
    self.unread = unread
    self.starred = starred
  }
}

/// A change of state sent to the server.
public enum ServerMark: String, Sendable, CaseIterable {
  case read, unread, starred, unstarred
}
