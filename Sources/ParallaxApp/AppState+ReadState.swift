import ParallaxCore

/// The read model's keys: toggling read and star on the selected row, marking a list read,
/// and the unread-only and starred views.
extension AppState {
  /// The article the current screen points at: the selected version, the reader's article.
  var pointedArticle: Int? {
    switch screen {
    case .versions(let story):
      let m = versionHandles(story)
      return m.indices.contains(versions.selected) ? m[versions.selected] : nil
    case .reader(let article):
      return article
    default:
      return nil
    }
  }

  /// `u`: a story row reads or unreads every version; a version or the reader's article
  /// only itself.
  mutating func toggleRead() {
    if screen == .list {
      guard let story = library.story(at: list.selected) else { return }
      library.setStoryRead(list.selected, story.unread)
      message = story.unread ? "story marked read" : "story marked unread"
      libraryChanged()
    } else if let article = pointedArticle {
      let read = !library.isRead(article)
      for copy in copies(of: article) { library.setRead(copy, read) }
      message = read ? "version marked read" : "version marked unread"
    }
  }

  /// `A`: every story of the list as filtered.
  mutating func markAllRead() {
    let changed = library.markAllRead()
    let scope = library.filter.label.isEmpty ? "every story" : "every \(library.filter.label) story"
    message = changed == 0 ? "nothing unread here" : "\(scope) marked read (\(changed) versions)"
    libraryChanged()
  }

  /// `*`: a story row stars every version (or unstars them); a version only itself.
  mutating func toggleStar() {
    if screen == .list {
      guard let story = library.story(at: list.selected) else { return }
      for handle in members(list.selected) { library.setStarred(handle, !story.starred) }
      message = story.starred ? "story unstarred" : "story starred"
      libraryChanged()
    } else if let article = pointedArticle {
      let starred = !library.isStarred(article)
      library.setStarred(article, starred)
      message = starred ? "version starred" : "version unstarred"
    }
  }

  /// `U` and `S`: the list shows only unread or only starred stories, or every story again;
  /// the cursor stays on the story it was on when that story is still shown.
  mutating func toggleFilter(unread: Bool) {
    let current = library.story(at: list.selected)?.id
    let handle = members(list.selected).first
    var filter = library.filter
    if unread { filter.unreadOnly.toggle() } else { filter.starredOnly.toggle() }
    library.setFilter(filter)
    list = ListState()
    if let handle, let index = library.storyIndex(containing: handle), library.story(at: index)?.id == current {
      list.selected = index
    }
    list.scroll = Self.follow(list.selected, scroll: 0, height: listHeight)
    message = filter.label.isEmpty ? "every story" : "only \(filter.label) stories"
  }

  /// `T`: threads (one row per developing story, by its newest report) or every report; the
  /// cursor stays on the selected story's thread.
  mutating func toggleThreads() {
    let thread = library.story(at: list.selected)?.thread
    var filter = library.filter
    filter.threads.toggle()
    library.setFilter(filter)
    list = ListState()
    if let thread,
      let index = (0..<min(library.storyCount, 2_000)).first(where: { library.story(at: $0)?.thread == thread })
    {
      list.selected = index
    }
    list.scroll = Self.follow(list.selected, scroll: 0, height: listHeight)
    message = filter.threads ? "threads: each developing story once" : "every report"
  }

  /// An article and its identical copies on the versions screen (itself elsewhere).
  func copies(of article: Int) -> [Int] {
    guard case .versions(let story) = screen, let rows = versionRows(story) else { return [article] }
    return rows.handles.first { $0.contains(article) } ?? [article]
  }
}
