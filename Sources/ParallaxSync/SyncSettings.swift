import Foundation
import ParallaxCore
import ReaderServer

/// Limits and options for `parallax sync`.
public struct SyncSettings: Sendable {
  /// Seconds without data before a request fails; a whole request may take four times this.
  public var timeout: Double = 20
  /// Redirects followed before a request fails (a loop fails at once).
  public var maxRedirects = 5
  /// Responses larger than this many bytes are abandoned.
  public var maxBytes = 10 << 20
  /// Feeds fetched at the same time.
  public var concurrency = 4
  /// Whether to fetch the linked page of items that carry only a summary.
  public var fullPages = false
  /// Items with fewer words than this count as summaries for `fullPages`.
  public var summaryWords = Article.summaryWords
  /// The reader server to sync with instead of fetching feeds (config.toml's `[server]`).
  public var server: ServerAccount?
  /// Where to record the server's replies (`PARALLAX_SERVER_RECORD`), for the API clients'
  /// fixtures.
  public var recordServerReplies: String?

  public init() {}
}
