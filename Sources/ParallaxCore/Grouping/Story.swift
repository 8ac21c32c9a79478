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
  /// With explanations, why this report is in its thread: its strongest link to another
  /// report of the thread (nil alone in its thread, or without explanations).
  public var threadLink: ThreadLink?
}

/// Why a report is in its thread: one of its versions and a version of another report, and
/// the evidence of that pair.
public struct ThreadLink: Sendable, Hashable, Codable {
  public var article: String
  public var otherArticle: String
  public var otherStory: String
  public var levels: LevelEvidence
}

/// The evidence both levels are decided on, for one pair of articles, with the verdicts:
/// whether the pair can join the two as versions of one report, and whether it links their
/// reports into one thread (``GroupingEngine/isVersionPair(_:days:)``, ``GroupingEngine/isThreadLink(_:days:oneOutlet:)``).
public struct LevelEvidence: Sendable, Hashable, Codable {
  /// The smaller share of either side's facts (numbers, quotes) the other lacks.
  public var novelty: Double
  /// The smaller count of facts either side adds.
  public var newFacts: Int
  public var rareNames: Int
  public var leadRareNames: Int
  /// The cosine of the two texts' term vectors.
  public var cosine: Double
  /// The Dice overlap of the two titles' terms; -1 when unknown.
  public var titleDice: Double
  /// The share of content words both leads carry; -1 when unknown.
  public var leadWords: Double
  /// Whether both articles come from one named outlet (the title test applies).
  public var oneOutlet: Bool
  /// Days between the two publication times (nil when either is unknown).
  public var daysApart: Double?
  public var versionPair: Bool
  public var threadLink: Bool
  /// Whether the two are one outlet's recurring report (its headline again a day or more
  /// later, ``GroupingEngine/isRecurringReport(_:days:oneOutlet:)``): never a thread link.
  public var recurring: Bool

  public init(_ pair: ScoredPair, daysApart: Double?, oneOutlet: Bool = false, engine: GroupingEngine) {
    novelty = pair.novelty
    newFacts = pair.newFacts
    rareNames = pair.rareNames
    leadRareNames = pair.leadRareNames
    cosine = pair.cosine
    titleDice = pair.titleDice
    leadWords = pair.leadWords
    self.oneOutlet = oneOutlet
    self.daysApart = daysApart
    versionPair = engine.isVersionPair(pair, days: daysApart, oneOutlet: oneOutlet)
    threadLink = engine.isThreadLink(pair, days: daysApart, oneOutlet: oneOutlet)
    recurring = engine.isRecurringReport(pair, days: daysApart, oneOutlet: oneOutlet)
  }
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
  /// The two-level evidence of the pair, when it was kept (scored above the smallest edge).
  public var levels: LevelEvidence?
}
