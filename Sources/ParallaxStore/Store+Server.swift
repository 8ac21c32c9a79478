import Foundation
import GRDB

/// The reader server's side of the store: which article each server item is, the read and
/// starred state the server last had, and the changes made here not sent yet (queued by
/// triggers on every read or star change of a server's article, whatever made it).
///
/// The conflict rule, newest change wins: a change made here and not sent yet is newer than
/// anything the server shows that Parallax has not seen, since the server does not say when
/// its marks were made and a mark there is dated at the last sync, the last moment Parallax
/// saw its state. So a change waiting here is sent, and the server's state for that item
/// is not taken (when both sides made the same change, nothing is sent). Every change on the
/// server of an item not changed here is taken.
extension Store {
  /// One change made here, waiting to go to the server.
  public struct ServerChange: Sendable, Equatable {
    public var articleID: Int64
    public var itemID: String
    /// `read` or `starred`.
    public var field: String
    public var value: Bool
    public var changedAt: String
  }

  /// A server item and the article stored for it, with the item's state on the server.
  public struct ServerLink: Sendable, Equatable {
    public var itemID: String
    public var articleID: Int64
    public var read: Bool
    public var starred: Bool

    public init(itemID: String, articleID: Int64, read: Bool, starred: Bool) {
      (self.itemID, self.articleID, self.read, self.starred) = (itemID, articleID, read, starred)
    }
  }

  /// What taking the server's state changed here.
  public struct ServerStateTaken: Sendable, Equatable {
    public var read = 0
    public var unread = 0
    public var starred = 0
    public var unstarred = 0
    /// Items changed on both sides since the last sync: the change made here was kept.
    public var keptHere = 0

    public var changed: Int { read + unread + starred + unstarred }

    public init() {}
  }

  /// A value of the server's sync state (`server`: which server and account; `cursor`:
  /// where item paging goes on; `lastSync`).
  public func serverInfo(_ key: String) throws -> String? {
    try reading { db in try String.fetchOne(db, sql: "SELECT value FROM serverInfo WHERE key = ?", arguments: [key]) }
  }

  public func setServerInfo(_ key: String, _ value: String) throws {
    try writing { db in
      try db.execute(sql: "INSERT OR REPLACE INTO serverInfo (key, value) VALUES (?, ?)", arguments: [key, value])
    }
  }

  /// Makes `identity` (kind, address, login) the store's server. When another server was
  /// synced before, its links, unsent changes and cursor are forgotten (articles, read state
  /// and stars stay): returns how many links were forgotten.
  @discardableResult
  public func adoptServer(_ identity: String) throws -> Int {
    try writing { db in
      let known = try String.fetchOne(db, sql: "SELECT value FROM serverInfo WHERE key = 'server'")
      guard known != identity else { return 0 }
      let links = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM serverItem") ?? 0
      try db.execute(sql: "DELETE FROM serverChange; DELETE FROM serverItem; DELETE FROM serverInfo")
      try db.execute(sql: "INSERT INTO serverInfo (key, value) VALUES ('server', ?)", arguments: [identity])
      return links
    }
  }

  /// Links server items to their stored articles. A new link takes what either side has:
  /// an item read or starred on the server is read or starred here, and one read or
  /// starred here (imported from newsboat, say) is queued to be read or starred there.
  /// `cursor` (where paging goes on) is saved in the same transaction.
  public func linkServerItems(_ links: [ServerLink], cursor: String?) throws {
    try writing { db in
      let existing = try db.cachedStatement(sql: "SELECT 1 FROM serverItem WHERE itemID = ?")
      let insert = try db.cachedStatement(
        sql: "INSERT OR REPLACE INTO serverItem (itemID, articleID, read, starred) VALUES (?, ?, ?, ?)")
      let local = try db.cachedStatement(sql: "SELECT isRead, isStarred FROM article WHERE id = ?")
      var touched: [Int64] = []
      for link in links {
        let known = try Int.fetchOne(existing, arguments: [link.itemID]) != nil
        try insert.execute(arguments: [link.itemID, link.articleID, link.read, link.starred])
        guard !known, let row = try Row.fetchOne(local, arguments: [link.articleID]) else { continue }
        let (isRead, isStarred): (Bool, Bool) = (row[0], row[1])
        // Either side's read or star is kept on both: here by setting it (queued for the
        // article's other items, if any), there by queuing it.
        if link.read && !isRead {
          try db.execute(sql: "UPDATE article SET isRead = 1 WHERE id = ?", arguments: [link.articleID])
          touched.append(link.articleID)
        } else if !link.read && isRead {
          try Self.queue(db, link.articleID, "read", true)
        }
        if link.starred && !isStarred {
          try db.execute(sql: "UPDATE article SET isStarred = 1 WHERE id = ?", arguments: [link.articleID])
        } else if !link.starred && isStarred {
          try Self.queue(db, link.articleID, "starred", true)
        }
      }
      for id in touched { try Self.refreshUnread(db, ofArticle: id) }
      if let cursor {
        try db.execute(sql: "INSERT OR REPLACE INTO serverInfo (key, value) VALUES ('cursor', ?)", arguments: [cursor])
      }
    }
  }

  static func queue(_ db: Database, _ articleID: Int64, _ field: String, _ value: Bool) throws {
    try db.execute(
      sql: """
        INSERT OR REPLACE INTO serverChange (articleID, field, value, changedAt)
        VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        """, arguments: [articleID, field, value])
  }

  /// Takes the server's state (unread and starred item ids) for every linked item whose
  /// state on the server changed since the last sync, unless a change made here waits to
  /// be sent (the conflict rule above).
  public func takeServerState(unread: Set<String>, starred: Set<String>) throws -> ServerStateTaken {
    try writing { db in
      var taken = ServerStateTaken()
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT serverItem.articleID, itemID, read, starred,
            (SELECT value FROM serverChange c WHERE c.articleID = serverItem.articleID AND c.field = 'read'),
            (SELECT value FROM serverChange c WHERE c.articleID = serverItem.articleID AND c.field = 'starred')
          FROM serverItem
          """)
      let setRead = try db.cachedStatement(sql: "UPDATE serverItem SET read = ? WHERE itemID = ?")
      let setStarred = try db.cachedStatement(sql: "UPDATE serverItem SET starred = ? WHERE itemID = ?")
      let readHere = try db.cachedStatement(sql: "UPDATE article SET isRead = ? WHERE id = ?")
      let starHere = try db.cachedStatement(sql: "UPDATE article SET isStarred = ? WHERE id = ?")
      // A change waiting here that every item of its article now has is sent already.
      let drop = try db.cachedStatement(
        sql: """
          DELETE FROM serverChange WHERE articleID = ?1 AND field = ?2 AND value = ?3
          AND NOT EXISTS (SELECT 1 FROM serverItem WHERE articleID = ?1
            AND (CASE ?2 WHEN 'read' THEN read ELSE starred END) IS NOT ?3)
          """)
      var touched: [Int64] = []
      for row in rows {
        let (id, item, read, star, readWaits, starWaits): (Int64, String, Bool, Bool, Bool?, Bool?) = (
          row[0], row[1], row[2], row[3], row[4], row[5]
        )
        let readThere = !unread.contains(item)
        let starThere = starred.contains(item)
        if readThere != read {
          try setRead.execute(arguments: [readThere, item])
          if let waiting = readWaits {
            // Both sides made the same change: nothing to send. Else the change made here wins.
            if waiting == readThere {
              try drop.execute(arguments: [id, "read", readThere])
            } else {
              taken.keptHere += 1
            }
          } else {
            try readHere.execute(arguments: [readThere, id])
            if db.changesCount > 0 {
              touched.append(id)
              if readThere { taken.read += 1 } else { taken.unread += 1 }
            }
          }
        }
        if starThere != star {
          try setStarred.execute(arguments: [starThere, item])
          if let waiting = starWaits {
            if waiting == starThere {
              try drop.execute(arguments: [id, "starred", starThere])
            } else {
              taken.keptHere += 1
            }
          } else {
            try starHere.execute(arguments: [starThere, id])
            if db.changesCount > 0 { if starThere { taken.starred += 1 } else { taken.unstarred += 1 } }
          }
        }
      }
      for id in touched { try Self.refreshUnread(db, ofArticle: id) }
      return taken
    }
  }

  /// The changes made here and not sent yet, oldest first.
  public func pendingServerChanges() throws -> [ServerChange] {
    try reading { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT serverChange.articleID, itemID, field, value, changedAt FROM serverChange
          JOIN serverItem ON serverItem.articleID = serverChange.articleID
            AND (CASE field WHEN 'read' THEN serverItem.read ELSE serverItem.starred END) IS NOT value
          ORDER BY changedAt, serverChange.articleID, field, itemID
          """
      ).map { ServerChange(articleID: $0[0], itemID: $0[1], field: $0[2], value: $0[3], changedAt: $0[4]) }
    }
  }

  /// Records changes the server took: its state is theirs now, and they leave the queue
  /// (unless changed again here meanwhile, to another value, which then waits).
  public func serverChangesSent(_ changes: [ServerChange]) throws {
    try writing { db in
      for change in changes {
        let column = change.field == "read" ? "read" : "starred"
        try db.execute(
          sql: "UPDATE serverItem SET \(column) = ? WHERE itemID = ?", arguments: [change.value, change.itemID])
      }
      var articles: [(Int64, String, Bool)] = []
      for change in changes where !articles.contains(where: { $0 == (change.articleID, change.field, change.value) }) {
        articles.append((change.articleID, change.field, change.value))
      }
      for (articleID, field, value) in articles {
        let column = field == "read" ? "read" : "starred"
        let local = field == "read" ? "isRead" : "isStarred"
        // Sent to every item of the article: it leaves the queue.
        try db.execute(
          sql: """
            DELETE FROM serverChange WHERE articleID = ?1 AND field = ?2 AND value = ?3
            AND NOT EXISTS (SELECT 1 FROM serverItem WHERE articleID = ?1 AND \(column) IS NOT ?3)
            """, arguments: [articleID, field, value])
        // Changed back here while it was being sent: the article's state now waits.
        try db.execute(
          sql: """
            INSERT OR IGNORE INTO serverChange (articleID, field, value, changedAt)
            SELECT id, ?, \(local), strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM article WHERE id = ? AND \(local) IS NOT ?
            AND EXISTS (SELECT 1 FROM serverItem WHERE articleID = article.id AND \(column) IS NOT article.\(local))
            """, arguments: [field, articleID, value])
      }
    }
  }

  /// How many items are linked to the server, and how many changes wait to be sent.
  public func serverCounts() throws -> (items: Int, waiting: Int) {
    try reading { db in
      (
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM serverItem") ?? 0,
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM serverChange") ?? 0
      )
    }
  }
}
