/// A group of articles that are versions of one story, with the reason each belongs.
public struct Story: Sendable, Hashable, Codable, Identifiable {
  /// Stable id derived from the smallest member id (see ``StoryID``).
  public var id: String
  /// The headline shown for the story: the representative member's title.
  public var title: String
  /// Members, the representative first, then by id.
  public var members: [StoryMember]
  /// The thread (developing story) this report belongs to; its own (``StoryID/thread(story:)``)
  /// when it is the only report.
  public var thread: String

  public init(id: String, title: String, members: [StoryMember], thread: String? = nil) {
    self.id = id
    self.title = title
    self.members = members
    self.thread = thread ?? StoryID.thread(story: id)
  }

  /// Number of versions.
  public var size: Int { members.count }
}

/// One article's place in a story.
public struct StoryMember: Sendable, Hashable, Codable {
  /// The article's id.
  public var articleID: String
  /// The index of the article in the grouper's input.
  public var inputIndex: Int
  /// Mean pair score against the other members (the average-link score); 1 when alone.
  public var score: Double
  /// Why the article belongs. For a story of one, the evidence against the nearest other
  /// article (which scored below the threshold), or nil when nothing came close.
  public var evidence: MatchEvidence?
}

/// What an article shares with its story's representative article.
public struct MatchEvidence: Sendable, Hashable, Codable {
  /// The article compared against (the representative, or for the representative the next best).
  public var comparedWith: String
  /// The pair score against that article and its parts.
  public var pair: PairScorer.Breakdown
  /// Names both carry, most specific first.
  public var sharedNames: [String]
  /// Numbers both carry.
  public var sharedNumbers: [String]
  /// How many of this article's sentences have a counterpart in the other.
  public var alignedSentences: Int
  /// How many sentences this article has.
  public var sentences: Int
}
