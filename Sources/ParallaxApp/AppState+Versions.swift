import ParallaxCore

/// The versions screen as a timeline (``VersionTimeline``): one row per distinct text, in
/// order of publication, identical copies collapsed into one row.
extension AppState {
  /// A story's timeline with the article handles behind each entry.
  public struct VersionRows: Sendable, Equatable {
    public var story: Int
    public var storyID: String
    /// Per entry, the handles of its copies, the earliest first.
    public var handles: [[Int]]
    public var timeline: VersionTimeline
    /// Per entry, the outlets that carried it (source, else id), in order, without repeats.
    public var outlets: [[String]]

    /// The handle that stands for an entry (its earliest copy).
    public func representative(_ entry: Int) -> Int? {
      handles.indices.contains(entry) ? handles[entry].first : nil
    }
  }

  /// The timeline of a story, from its members.
  func makeVersionRows(_ story: Int) -> VersionRows? {
    guard let summary = library.story(at: story) else { return nil }
    let handles = members(story)
    let articles = handles.map { library.article($0) }
    let timeline = VersionTimeline(articles)
    let outlets = timeline.entries.map { entry -> [String] in
      var seen: [String] = []
      for i in entry.members {
        let name = articles[i].source ?? articles[i].id
        if !seen.contains(name) { seen.append(name) }
      }
      return seen
    }
    return VersionRows(
      story: story, storyID: summary.id, handles: timeline.entries.map { $0.members.map { handles[$0] } },
      timeline: timeline, outlets: outlets)
  }

  /// The rows of the versions screen of `story` (cached while it is shown).
  func versionRows(_ story: Int) -> VersionRows? {
    if let rows = versionsCache, rows.story == story, library.story(at: story)?.id == rows.storyID { return rows }
    return makeVersionRows(story)
  }

  /// The representative handles of a story's distinct versions, in timeline order.
  func versionHandles(_ story: Int) -> [Int] {
    versionRows(story)?.handles.compactMap(\.first) ?? []
  }

  /// Reads the timeline of the story whose versions screen opens (or is shown again).
  mutating func loadVersions(_ story: Int) {
    versionsCache = makeVersionRows(story)
  }

  /// `c` with nothing marked: the two distinct versions that differ most; nil (with a
  /// message) when there is nothing to compare.
  mutating func defaultPair(_ story: Int) -> (Int, Int)? {
    let m = members(story)
    guard m.count >= 2 else {
      message = "this story has one version: nothing to compare"
      return nil
    }
    guard let rows = versionRows(story), rows.handles.count >= 2 else {
      message = "all \(m.count) versions are identical: nothing to compare"
      return nil
    }
    // The timeline's entries index the members in library order, as they were read.
    guard let (a, b) = rows.timeline.mostDifferentPair(m.map { library.article($0) }) else { return nil }
    return (rows.handles[a][0], rows.handles[b][0])
  }
}
