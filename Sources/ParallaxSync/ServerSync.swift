import Foundation
import ParallaxCore
import ParallaxStore
import ReaderServer

/// `parallax sync` with a reader server: the server's feeds become the subscriptions (its
/// groups or categories as tags), its new items are stored through the one ``Importer`` and
/// grouped like any others, then read and starred state flows both ways: what changed on the
/// server since the last sync is taken here, and every change made here (a story read reads
/// every version of it) is sent there. Items are stored `batchItems` at a time, each batch
/// with the paging cursor, so a first sync of any size holds one batch and an interrupted one
/// goes on where it stopped. Offline reading never needs the server; changes made meanwhile
/// wait in the store (``Store/pendingServerChanges()``) and a failed send is tried again at
/// the next sync.
public struct ServerSync: Sendable {
  public var server: any ReaderServer
  /// The account's identity (``ServerAccount/identity``).
  public var identity: String
  /// Items stored per transaction.
  public var batchItems = 500
  /// Changes sent per request (Tiny Tiny RSS takes lists; Fever one item per request).
  public var marksPerRequest = 100

  public init(server: any ReaderServer, identity: String) {
    self.server = server
    self.identity = identity
  }

  /// What a sync did.
  public struct Outcome: Sendable, Equatable {
    public var feeds = 0
    public var feedsNew = 0
    public var items = 0
    public var added = 0
    public var alreadyStored = 0
    /// Links forgotten because the store had synced with another server.
    public var forgotten = 0
    public var taken = Store.ServerStateTaken()
    /// Changes made here that the server took.
    public var sent = 0
    /// Changes still waiting (a failed send).
    public var waiting = 0
    /// Why sending stopped, when it did.
    public var sendProblem: String?
    public var requests = 0
  }

  /// Syncs `store`; `progress` gets a line as each step ends. A problem before anything was
  /// stored (login, address, the API's replies) throws a ``ServerProblem`` and leaves the
  /// store as it was; a failure to send marks is in the outcome, the marks kept.
  public func run(_ store: Store, progress: @Sendable (String) -> Void = { _ in }) async throws -> Outcome {
    var outcome = Outcome()
    try await server.logIn()
    let feeds = try await server.feeds()
    outcome.forgotten = try store.adoptServer(identity)
    let importer = Importer(store: store)
    try importer.subscribe(feeds.map(\.url))
    for feed in feeds {
      try store.recordFetch(
        feed.url, etag: nil, lastModified: nil, title: feed.title.isEmpty ? nil : feed.title, error: nil)
      try store.setFeedTags(feed.url, tags: feed.tags)
    }
    outcome.feeds = feeds.count
    outcome.feedsNew = importer.result.subscriptionsAdded
    progress("\(feeds.count) feeds on the server (\(outcome.feedsNew) new here)")

    // New items, a batch at a time, each batch stored with the cursor after it.
    let byID = Dictionary(feeds.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    var cursor = try store.serverInfo("cursor")
    var batch: [ServerItem] = []
    func flush(_ cursor: String?) throws {
      var links: [Store.ServerLink] = []
      var byFeed: [String: [(ServerItem, Article)]] = [:]
      for item in batch {
        guard let article = item.item.article(feedTitle: byID[item.feedID]?.title) else { continue }
        byFeed[item.feedID, default: []].append((item, article))
      }
      for (feedID, pairs) in byFeed.sorted(by: { $0.key < $1.key }) {
        let stored = try importer.add(pairs.map(\.1), feed: byID[feedID]?.url)
        for ((item, _), row) in zip(pairs, stored.rowIDs) {
          links.append(Store.ServerLink(itemID: item.id, articleID: row, read: item.isRead, starred: item.isStarred))
        }
      }
      try store.linkServerItems(links, cursor: cursor)
      outcome.items += batch.count
      batch.removeAll(keepingCapacity: true)
    }
    while true {
      let page = try await server.items(after: cursor)
      guard !page.items.isEmpty, page.cursor != cursor else { break }
      batch += page.items
      cursor = page.cursor
      if batch.count >= batchItems {
        try flush(cursor)
        progress("\(outcome.items) items")
      }
    }
    if !batch.isEmpty { try flush(cursor) }
    let result = importer.result.added > 0 ? try importer.finish() : importer.result
    outcome.added = result.added
    outcome.alreadyStored = result.alreadyStored

    // The server's read and starred state, then the changes made here.
    let state = try await server.state()
    outcome.taken = try store.takeServerState(unread: state.unread, starred: state.starred)
    let pending = try store.pendingServerChanges()
    outcome.waiting = pending.count
    let groups = Dictionary(grouping: pending) { change -> ServerMark in
      switch (change.field, change.value) {
      case ("read", true): .read
      case ("read", false): .unread
      case (_, true): .starred
      default: .unstarred
      }
    }
    sending: for mark in ServerMark.allCases {
      let changes = groups[mark] ?? []
      for start in stride(from: 0, to: changes.count, by: marksPerRequest) {
        let chunk = Array(changes[start..<min(changes.count, start + marksPerRequest)])
        do {
          try await server.mark(chunk.map(\.itemID), mark)
        } catch {
          outcome.sendProblem = "\(error)"
          break sending
        }
        try store.serverChangesSent(chunk)
        outcome.sent += chunk.count
        outcome.waiting -= chunk.count
      }
    }
    try store.setServerInfo("lastSync", PublicationTime.string(from: Date()))
    outcome.requests = server.requestCount
    return outcome
  }
}
