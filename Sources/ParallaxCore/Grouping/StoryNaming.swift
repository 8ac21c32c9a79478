/// How a story is named and titled: after its first report. The members are ordered by
/// publication time (unknown times last), then identity key; the first is the anchor, whose
/// key gives the id (``StoryID``) and whose headline is the story's title.
///
/// The name depends only on who the members are, never on the order they arrived or how
/// they were split into imports, so every path (memory, one import, many) names a story
/// alike. A story keeps its name when later versions join it; it takes a new one only when
/// an earlier report joins (then that report is the anchor).
public enum StoryNaming {
  /// Whether `a` comes before `b` in a story.
  public static func precedes(_ a: GroupingMember, _ b: GroupingMember) -> Bool {
    switch (a.published, b.published) {
    case (let x?, let y?) where x != y: return x < y
    case (.some, nil): return true
    case (nil, .some): return false
    default: return a.key != b.key ? a.key < b.key : a.id < b.id
    }
  }

  /// The story record of `members` (in any order), in the thread `thread` (its own when nil:
  /// a report alone in its thread).
  public static func record(of members: [GroupingMember], thread: String? = nil) -> StoryRecord {
    let ordered = members.sorted(by: precedes)
    let anchor = ordered[0]
    return StoryRecord(
      id: StoryID.make(anchor: anchor.key), title: anchor.title, members: ordered.map(\.id),
      latest: ordered.compactMap(\.published).max(),
      sources: sources(anchor: anchor.source, all: ordered.map(\.source)),
      thread: thread)
  }

  /// The thread id of the reports whose members are `members` (all versions of all reports):
  /// named after the first of them, as a story is, so that a thread keeps its id when later
  /// reports join it.
  public static func threadID(of members: [GroupingMember]) -> String {
    StoryID.thread(anchor: members.min(by: precedes)!.key)
  }

  /// A story's distinct sources: the first report's first, then the others in byte order.
  /// (Not in member order, so that a story gaining a version need not read its members.)
  public static func sources(anchor: String?, all: some Sequence<String?>) -> [String] {
    var rest = Set(all.compactMap { $0 })
    var out: [String] = []
    if let anchor, rest.remove(anchor) != nil { out.append(anchor) }
    return out + rest.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }
}
