import ParallaxCore
import TerminalModel

extension AppState {
  /// Members of a story as article indices, in story order.
  func members(_ story: Int) -> [Int] { library.members(ofStory: story) }

  /// After the library changed underneath: keep the selection in range.
  /// Shows the library's new problems in the status line (the latest) and keeps them in the
  /// log; returns whether there were any.
  @discardableResult
  public mutating func takeLibraryProblems() -> Bool {
    let problems = library.takeProblems()
    guard let last = problems.last else { return false }
    log += problems
    if log.count > Self.maxLogLines { log.removeFirst(log.count - Self.maxLogLines) }
    message = last
    return true
  }

  public mutating func libraryChanged() {
    if case .versions(let story) = screen { loadVersions(story) }
    if case .thread(let story) = screen { threadCache = makeThreadRows(story) }
    let count = library.storyCount
    list.selected = max(0, min(list.selected, count - 1))
    list.scroll = Self.follow(list.selected, scroll: min(list.scroll, max(0, count - 1)), height: listHeight)
  }

  /// Puts the cursor on a story (the first of what `parallax PATH...` imported), unless
  /// the user has moved since the list appeared: a background import never takes the
  /// cursor from where the user put it.
  public mutating func land(onStory id: String) {
    guard screen == .list, screens.count == 1, list.selected == 0, list.scroll == 0,
      let index = library.position(ofStory: id)
    else { return }
    list.selected = index
    list.scroll = max(0, index - listHeight / 3)
  }

  /// Whether `story` is a valid story index.
  func hasStory(_ story: Int) -> Bool { story >= 0 && story < library.storyCount }

  /// The article under the cursor: the reader's, the selected version, or the first
  /// version of the selected story.
  var selectedArticle: Int? {
    switch screen {
    case .reader(let article): return article
    case .versions(let story):
      let m = versionHandles(story)
      return m.indices.contains(versions.selected) ? m[versions.selected] : nil
    case .list:
      return hasStory(list.selected) ? members(list.selected).first : nil
    default: return nil
    }
  }

  /// Moves the selection (lists) or the scroll (reader, comparison, help) by `delta`, clamped.
  mutating func move(by delta: Int) {
    func clamp(_ value: Int, _ count: Int) -> Int { max(0, min(max(0, count - 1), value)) }
    switch screen {
    case .list:
      list.selected = clamp(list.selected.addingReportingOverflow(delta).partialValue, library.storyCount)
      list.scroll = Self.follow(list.selected, scroll: list.scroll, height: listHeight)
    case .versions(let story):
      versions.selected = clamp(
        versions.selected.addingReportingOverflow(delta).partialValue, versionHandles(story).count)
      versions.scroll = Self.follow(versions.selected, scroll: versions.scroll, height: listHeight)
    case .thread:
      threadList.selected = clamp(
        threadList.selected.addingReportingOverflow(delta).partialValue, threadCache?.reports.count ?? 0)
      threadList.scroll = Self.follow(threadList.selected, scroll: threadList.scroll, height: listHeight)
    case .reader(let article):
      let limit = max(0, ReaderView.lines(article, in: self).count - contentHeight)
      readerScroll = max(0, min(limit, readerScroll.addingReportingOverflow(delta).partialValue))
    case .comparison:
      guard var c = comparison else { return }
      let limit = max(0, ComparisonView.lineCount(self) - ComparisonView.bodyHeight(self))
      c.scroll = max(0, min(limit, c.scroll.addingReportingOverflow(delta).partialValue))
      comparison = c
    case .feeds:
      feedList.selected = clamp(feedList.selected.addingReportingOverflow(delta).partialValue, feedRows.count)
      feedList.scroll = Self.follow(feedList.selected, scroll: feedList.scroll, height: listHeight)
    case .log:
      let limit = max(0, LogView.lines(self).count - contentHeight)
      logScroll = max(0, min(limit, logScroll.addingReportingOverflow(delta).partialValue))
    case .help:
      let limit = max(0, HelpView.lines(self).count - contentHeight)
      helpScroll = max(0, min(limit, helpScroll.addingReportingOverflow(delta).partialValue))
    }
  }

  /// Rows of a list screen (a header row and the status line are taken).
  var listHeight: Int { max(1, height - 2) }

  /// The scroll that keeps `selected` visible.
  static func follow(_ selected: Int, scroll: Int, height: Int) -> Int {
    if selected < scroll { return selected }
    if selected >= scroll + height { return selected - height + 1 }
    return scroll
  }

  /// Enter: a story with one version opens the reader, a story with several its versions.
  mutating func open() {
    switch screen {
    case .list:
      guard hasStory(list.selected) else { return }
      let m = members(list.selected)
      if m.count == 1 {
        openReader(m[0])
      } else {
        screens.append(.versions(story: list.selected))
        versions = ListState()
        marked = []
        loadVersions(list.selected)
      }
    case .versions(let story):
      let m = versionHandles(story)
      guard m.indices.contains(versions.selected) else { return }
      openReader(m[versions.selected])
    case .thread:
      openThreadReport()
    case .feeds:
      openFeedStories()
    default:
      break
    }
  }

  mutating func openReader(_ article: Int) {
    screens.append(.reader(article: article))
    readerScroll = 0
    library.markRead(article)
  }

  /// `c`: the two marked versions, or the first two of the story.
  mutating func compareSelected() -> [Effect] {
    let story: Int
    switch screen {
    case .list: story = list.selected
    case .versions(let s): story = s
    case .reader(let article):
      guard let s = library.storyIndex(containing: article) else { return [] }
      story = s
    default: return []
    }
    guard hasStory(story) else { return [] }
    let pair: (Int, Int)
    if marked.count == 2 {
      pair = (marked[0], marked[1])
    } else if let chosen = defaultPair(story) {
      pair = chosen
    } else {
      return []
    }
    comparison = ComparisonState(left: pair.0, right: pair.1)
    screens.append(.comparison)
    return [.compare(left: pair.0, right: pair.1)]
  }

  mutating func toggleMark() {
    guard case .versions(let story) = screen else { return }
    let m = versionHandles(story)
    guard m.indices.contains(versions.selected) else { return }
    let article = m[versions.selected]
    if let i = marked.firstIndex(of: article) {
      marked.remove(at: i)
    } else {
      marked.append(article)
      if marked.count > 2 { marked.removeFirst() }
    }
  }

  /// Reader: the next or previous article of the same story (or of the list when alone).
  mutating func stepArticle(by delta: Int) {
    guard case .reader(let article) = screen else { return }
    guard let next = library.step(from: article, by: delta) else {
      message = delta > 0 ? "last article" : "first article"
      return
    }
    screens[screens.count - 1] = .reader(article: next)
    readerScroll = 0
    library.markRead(next)
  }

  /// Comparison: scroll to the next or previous row that is not `same`.
  mutating func jumpDifference(forward: Bool) {
    guard var c = comparison, let result = c.result, let layout = c.layout else { return }
    let starts = result.differenceRows.map { layout.rowStarts[$0] }
    let target = forward ? starts.first { $0 > c.scroll } : starts.last { $0 < c.scroll }
    guard let line = target else {
      message = forward ? "no more differences" : "no earlier differences"
      return
    }
    c.scroll = line
    comparison = c
  }

  /// Recomputes the comparison layout for the current width and pane mode.
  mutating func refreshLayout() {
    guard var c = comparison, let result = c.result else { return }
    c.layout = ComparisonLayout(result, width: ComparisonView.layoutWidth(self), theme: theme)
    c.layoutWidth = width
    c.scroll = min(c.scroll, max(0, (c.layout?.lines.count ?? 0) - 1))
    comparison = c
  }
}
