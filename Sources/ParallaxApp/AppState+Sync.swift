/// Reload inside the interface: `R` syncs every subscription, `r` the selected feed, in the
/// background through the same code as `parallax sync`; progress in the status line,
/// reports in the log screen, new stories shown when it ends.
extension AppState {
  /// Asks for a sync unless one is running.
  mutating func startSync(only: [String]?) -> [Effect] {
    guard syncing == nil else {
      message = "a sync is already running (\(syncing!.done)/\(syncing!.total) feeds)"
      return []
    }
    syncing = SyncProgress()
    message = only == nil ? "syncing every feed…" : "syncing \(only!.count == 1 ? only![0] : "\(only!.count) feeds")…"
    return [.sync(only: only)]
  }

  /// Adds a line to the session's activity log.
  mutating func addActivity(_ line: String) {
    activity.append(line)
    if activity.count > Self.maxLogLines { activity.removeFirst(activity.count - Self.maxLogLines) }
  }

  /// The sync ended: new stories appear, the feeds screen is read again.
  mutating func syncFinished(_ summary: String) {
    syncing = nil
    // The summary is usually the sync's last report line, already in the log.
    if activity.last != summary { addActivity(summary) }
    _ = library.refresh()
    libraryChanged()
    if screens.contains(.feeds) {
      feedRows = library.feeds()
      feedList.selected = max(0, min(feedList.selected, feedRows.count - 1))
    }
    let failed = summary.contains(" failed") && !summary.contains(" 0 failed")
    let key = keymap.spec(.showLog).keys.first?.name
    message = summary + (failed && key != nil ? " (\(key!) shows the log)" : "")
  }
}
