import ParallaxCore
import TerminalModel

/// Something outside the state that must happen.
public enum Effect: Sendable, Equatable {
  /// Compare two articles (indices into `articles`) off the main loop; answer with
  /// ``AppEvent/comparisonReady(_:left:right:)``.
  case compare(left: Int, right: Int)
  /// Put text on the system clipboard (the terminal's OSC 52).
  case copy(String)
  /// Sync feeds in the background (nil: every subscription), as `parallax sync` does;
  /// answer with ``AppEvent/syncProgress(done:total:)``, ``AppEvent/syncReport(_:)`` and
  /// ``AppEvent/syncFinished(_:)``.
  case sync(only: [String]?)
  /// Open a link in the browser (or, with none, copy it and show it as a link); answer
  /// with ``AppEvent/linkOpened(_:)``.
  case openLink(String)
  /// Fetch the web page an article links to and read its article text off the main loop;
  /// answer with ``AppEvent/pageFetched(handle:_:)``.
  case fetchPage(handle: Int, url: String)
  /// Leave the program.
  case quit
}

/// An input to the state.
public enum AppEvent: Sendable {
  case key(Key)
  case resize(width: Int, height: Int)
  case comparisonReady(Comparison, left: Int, right: Int)
  /// Feeds done of the running sync.
  case syncProgress(done: Int, total: Int)
  /// One line of the running sync's report (for the log).
  case syncReport(String)
  /// The sync ended; its summary line. The library has new articles to show.
  case syncFinished(String)
  /// What became of ``Effect/openLink(_:)``: one line for the status line.
  case linkOpened(String)
  /// The result of ``Effect/fetchPage(handle:url:)``.
  case pageFetched(handle: Int, PageFetch)
}

extension AppState {
  /// Applies an event; returns the effects to run.
  public mutating func apply(_ event: AppEvent) -> [Effect] {
    message = nil
    switch event {
    case .resize(let w, let h):
      width = w
      height = h
      refreshLayout()
      return []
    case .comparisonReady(let result, let l, let r):
      guard var c = comparison, c.left == l, c.right == r else { return [] }
      c.result = result
      c.scroll = 0
      comparison = c
      refreshLayout()
      return []
    case .syncProgress(let done, let total):
      syncing = SyncProgress(done: done, total: total)
      return []
    case .syncReport(let line):
      addActivity(line)
      return []
    case .syncFinished(let summary):
      syncFinished(summary)
      return []
    case .linkOpened(let note):
      message = note
      return []
    case .pageFetched(let handle, let result):
      pageFetched(handle, result)
      return []
    case .key(.wheelUp):
      move(by: -3)
      return []
    case .key(.wheelDown):
      move(by: 3)
      return []
    case .key(.click(let x, let y)):
      return click(x: x, y: y)
    case .key(let key):
      if search.editing { return edit(key) }
      guard let action = keymap.action(for: key, on: screen.kind) else { return [] }
      return apply(action)
    }
  }

  /// Applies an action; returns the effects to run.
  public mutating func apply(_ action: Action) -> [Effect] {
    switch action {
    case .down: move(by: 1)
    case .up: move(by: -1)
    case .pageDown: move(by: max(1, contentHeight - 1))
    case .pageUp: move(by: -max(1, contentHeight - 1))
    case .top: move(by: Int.min / 2)
    case .bottom: move(by: Int.max / 2)
    case .open: open()
    case .compare: return compareSelected()
    case .mark: toggleMark()
    case .openThread: openThread()
    case .search:
      search.editing = true
      search.purpose = .search
      search.input = ""
    case .filter:
      search.editing = true
      search.purpose = .filter
      search.input = library.filter.query?.text ?? ""
    case .searchNext: findNext(forward: true, includeCurrent: false)
    case .searchPrevious: findNext(forward: false, includeCurrent: false)
    case .nextDifference: jumpDifference(forward: true)
    case .previousDifference: jumpDifference(forward: false)
    case .switchPane:
      comparison?.focus ^= 1
      refreshLayout()
    case .swapSides:
      guard let c = comparison else { return [] }
      comparison = ComparisonState(left: c.right, right: c.left)
      return [.compare(left: c.right, right: c.left)]
    case .copyLink:
      guard let article = selectedArticle, let url = library.article(article).url, !url.isEmpty else {
        message = "no link to copy"
        return []
      }
      message = "link copied"
      return [.copy(url)]
    case .fetchPage: return fetchPage()
    case .feeds: openFeeds()
    case .reloadAll: return startSync(only: nil)
    case .reload:
      guard screen == .feeds, feedRows.indices.contains(feedList.selected) else { return [] }
      guard let url = feedRows[feedList.selected].url, WebLink.isWeb(url) else {
        message = "\(feedRows[feedList.selected].name) is not a subscription: nothing to sync"
        return []
      }
      return startSync(only: [url])
    case .showLog:
      if screen != .log {
        screens.append(.log)
        logScroll = max(0, LogView.lines(self).count - contentHeight)
      }
    case .toggleRead: toggleRead()
    case .markAllRead: markAllRead()
    case .toggleUnreadOnly: toggleFilter(unread: true)
    case .toggleThreads: toggleThreads()
    case .star: toggleStar()
    case .toggleStarredOnly: toggleFilter(unread: false)
    case .openInBrowser:
      guard let article = selectedArticle, let url = library.article(article).url, !url.isEmpty else {
        message = "no link to open"
        return []
      }
      guard BrowserCommand.isOpenable(url) else {
        message = "not a web link, not opened: \(url)"
        return []
      }
      // Opened in the browser is read, as in newsboat.
      library.markRead(article)
      message = "opening \(url)"
      return [.openLink(url)]
    case .nextArticle: stepArticle(by: 1)
    case .previousArticle: stepArticle(by: -1)
    case .help:
      if screen != .help {
        screens.append(.help)
        helpScroll = 0
      }
    case .back:
      if screen == .list, screens.count == 1, library.filter.query != nil {
        clearFilter()
      } else if screens.count > 1 {
        let leaving = screens.removeLast()
        if leaving == .comparison { comparison = nil }
        if leaving == .list { closeFeedStories() }
      } else {
        quit = true
        return [.quit]
      }
    }
    return []
  }

  /// A click selects the row under it in lists (a click on the selected row opens it); in
  /// the comparison a click focuses the pane under it.
  mutating func click(x: Int, y: Int) -> [Effect] {
    switch screen {
    case .list:
      let index = list.scroll + y - 1
      guard y >= 1, y <= listHeight, hasStory(index) else { return [] }
      if index == list.selected { open() } else { list.selected = index }
    case .versions(let story):
      let index = versions.scroll + y - 1
      guard y >= 1, y <= listHeight, versionHandles(story).indices.contains(index) else { return [] }
      if index == versions.selected { open() } else { versions.selected = index }
    case .thread:
      let index = threadList.scroll + y - 1
      guard y >= 1, y <= listHeight, (threadCache?.reports.indices ?? 0..<0).contains(index) else { return [] }
      if index == threadList.selected { open() } else { threadList.selected = index }
    case .feeds:
      let index = feedList.scroll + y - 1
      guard y >= 1, y <= listHeight, feedRows.indices.contains(index) else { return [] }
      if index == feedList.selected { open() } else { feedList.selected = index }
    case .comparison:
      if ComparisonView.isSideBySide(self), let layout = comparison?.layout {
        comparison?.focus = x > ComparisonLayout.gutterWidth + layout.columnWidth ? 1 : 0
      }
    default:
      break
    }
    return []
  }

  /// Key handling while the search prompt is open.
  mutating func edit(_ key: Key) -> [Effect] {
    switch key {
    case .enter:
      search.editing = false
      if search.purpose == .filter {
        applyFilter(search.input)
        return []
      }
      search.query = search.input
      findNext(forward: true, includeCurrent: true)
    case .escape:
      search.editing = false
    case .backspace:
      if !search.input.isEmpty { search.input.removeLast() }
    case .character(let c):
      search.input.append(c)
    default:
      break
    }
    return []
  }
}
