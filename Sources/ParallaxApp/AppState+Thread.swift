import ParallaxCore

/// The thread screen (`t`): the reports of one developing story, oldest first, each with
/// what it adds over the reports before it.
extension AppState {
  /// A thread's reports as the screen shows them.
  public struct ThreadRows: Sendable, Equatable {
    /// The list index of the story the screen was opened on.
    public var story: Int
    public var thread: String?
    public var reports: [StorySummary]
    /// Per report, the facts (numbers, quotes, attributions) its first version adds over
    /// the first versions of the reports before it (nil for the first report).
    public var adds: [Int?]
  }

  /// Reports compared against at most this many earlier ones (a long saga stays quick).
  static let maxEarlierReports = 20

  /// The rows of the thread of the story at list index `story`.
  func makeThreadRows(_ story: Int) -> ThreadRows? {
    guard let summary = library.story(at: story) else { return nil }
    let reports = library.reports(inThreadOf: story)
    let firsts = reports.map { report in library.members(ofStoryID: report.id).first.map { library.article($0) } }
    var adds: [Int?] = []
    for (k, first) in firsts.enumerated() {
      guard k > 0, let first else {
        adds.append(nil)
        continue
      }
      let earlier = firsts[max(0, k - Self.maxEarlierReports)..<k].compactMap { $0 }
      adds.append(NewFacts.count(NewFacts.added(by: first, over: earlier)))
    }
    return ThreadRows(story: story, thread: summary.thread, reports: reports, adds: adds)
  }

  /// `t`: opens the thread of the selected story (on the list) or of the story whose versions
  /// are shown, with the cursor on that story's report.
  mutating func openThread() {
    let story: Int
    switch screen {
    case .list: story = list.selected
    case .versions(let s): story = s
    default: return
    }
    guard hasStory(story), let rows = makeThreadRows(story) else { return }
    screens.append(.thread(story: story))
    threadCache = rows
    let id = library.story(at: story)?.id
    threadList = ListState()
    threadList.selected = rows.reports.firstIndex { $0.id == id } ?? 0
    threadList.scroll = Self.follow(threadList.selected, scroll: 0, height: listHeight)
    if rows.reports.count == 1 { message = "this story is the only report of its thread" }
  }

  /// Enter on the thread screen: the selected report's versions (or its reader, when it has
  /// one), as from the story list. A report the list's filter hides cannot be opened.
  mutating func openThreadReport() {
    guard let rows = threadCache, rows.reports.indices.contains(threadList.selected) else { return }
    let report = rows.reports[threadList.selected]
    guard let index = library.position(ofStory: report.id) else {
      message = "this report is not in the list's filter: clear the filter to open it"
      return
    }
    let m = members(index)
    if m.count == 1 {
      openReader(m[0])
    } else if m.count > 1 {
      screens.append(.versions(story: index))
      versions = ListState()
      marked = []
      loadVersions(index)
    }
  }
}
