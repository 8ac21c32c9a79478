import ParallaxCore

extension AppState {
  /// Moves to the next (or previous) match of the query on the current screen. In lists a
  /// story matches by title or text; in the reader and the comparison a line matches.
  mutating func findNext(forward: Bool, includeCurrent: Bool) {
    let query = search.query.lowercased()
    guard !query.isEmpty else {
      message = "no search yet: press /"
      return
    }
    func pick(_ count: Int, from current: Int, matches: (Int) -> Bool) -> Int? {
      guard count > 0 else { return nil }
      for step in (includeCurrent ? 0 : 1)...count {
        let i = ((current + (forward ? step : -step)) % count + count) % count
        if matches(i) { return i }
      }
      return nil
    }
    var found = false
    switch screen {
    case .list:
      if let i = library.findStory(
        matching: search.query, from: list.selected, forward: forward, includeCurrent: includeCurrent)
      {
        list.selected = i
        list.scroll = Self.follow(i, scroll: list.scroll, height: listHeight)
        found = true
      }
    case .versions(let story):
      let m = versionHandles(story)
      if let i = pick(m.count, from: versions.selected, matches: { articleMatches(m[$0], query) }) {
        versions.selected = i
        versions.scroll = Self.follow(i, scroll: versions.scroll, height: listHeight)
        found = true
      }
    case .thread:
      let reports = threadCache?.reports ?? []
      if let i = pick(
        reports.count, from: threadList.selected, matches: { reports[$0].title.lowercased().contains(query) })
      {
        threadList.selected = i
        threadList.scroll = Self.follow(i, scroll: threadList.scroll, height: listHeight)
        found = true
      }
    case .reader(let article):
      let lines = ReaderView.lines(article, in: self).map {
        $0.map(\.text).joined().lowercased()
      }
      if let i = pick(lines.count, from: readerScroll, matches: { lines[$0].contains(query) }) {
        readerScroll = i
        found = true
      }
    case .comparison:
      guard var c = comparison, let layout = c.layout else { return }
      let lines = layout.lines.map { ($0.left + $0.right).map(\.text).joined().lowercased() }
      if let i = pick(lines.count, from: c.scroll, matches: { lines[$0].contains(query) }) {
        c.scroll = i
        comparison = c
        found = true
      }
    case .help, .feeds, .log:
      break
    }
    if !found { message = "not found: \(search.query)" }
  }

  func articleMatches(_ article: Int, _ query: String) -> Bool {
    let a = library.article(article)
    return a.title.lowercased().contains(query) || a.body.lowercased().contains(query)
  }
}
