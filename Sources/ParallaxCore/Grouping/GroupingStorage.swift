/// What the grouping engine keeps between passes, and where: in memory
/// (``MemoryGroupingStorage``, for `parallax stories` and `--no-store`) or in the store's
/// tables. The engine (``GroupingEngine``) does every step; a storage only reads and writes.
///
/// Articles are named by an `Int64` id the storage gives them; `key` is their identity
/// (link, else input id: ``Article/identityKey``), unique within a storage.
public protocol GroupingStorage {
  /// Articles not grouped yet, with their signatures.
  func pendingArticles() throws -> [PendingArticle]
  /// How many grouped articles are not copies: the collection's size for term weights.
  func groupedOriginalCount() throws -> Int
  /// Grouped articles that are not copies, by signature digest (``HashedSignature/digest``):
  /// for each of `digests` found, the smallest such id.
  func originals(withDigests digests: [UInt64]) throws -> [UInt64: Int64]
  /// Document frequencies of `terms` among the grouped articles (absent: 0).
  func documentFrequencies(of terms: [UInt64]) throws -> [UInt64: Int32]
  /// The stored posting lists of `terms` (grouped articles indexed under each term).
  func postings(of terms: [UInt64]) throws -> [UInt64: [Int64]]
  /// Signatures of grouped articles.
  func signatures(of ids: [Int64]) throws -> [Int64: HashedSignature]
  /// The members of stories, as naming and story rows need them.
  func members(ofStories stories: [String]) throws -> [GroupingMember]
  /// The members of every story of threads.
  func members(ofThreads threads: [String]) throws -> [GroupingMember]
  /// What stories are now (first report, size, newest time, sources), for stories that only
  /// gain copies: enough to update them without reading their members.
  func tallies(ofStories stories: [String]) throws -> [String: StoryTally]
  /// Stored pairs `(other, id)` with `other < id`: the pairs an article was scored in
  /// against the articles stored before it (the store keeps them in that order, so that a
  /// pass's new pairs are written together at the end).
  func edges(to id: Int64) throws -> [ScoredPair]
  /// What naming and story rows need of each article, and its current story.
  func members(_ ids: [Int64]) throws -> [GroupingMember]

  /// Records new document frequencies, and new posting lists where given.
  mutating func updateTerms(_ updates: [TermUpdate]) throws
  /// Records identical copies: each key is a copy of its value, an article that is none.
  mutating func markCopies(_ copies: [Int64: Int64]) throws
  /// Stores scored pairs.
  mutating func addEdges(_ edges: [ScoredPair]) throws
  /// Replaces the stories `replaced` by `stories`, whose members' story ids change to
  /// theirs, and grows the stories in `grown` by their new members. Pending articles in
  /// either stop being pending.
  mutating func writeStories(_ stories: [StoryRecord], grown: [StoryGrowth], replacing replaced: Set<String>) throws
}

/// An article waiting to be grouped.
public struct PendingArticle: Sendable {
  public var id: Int64
  public var key: String
  public var signature: HashedSignature
  /// The signature's digest (``HashedSignature/digest``).
  public var digest: UInt64

  /// A pending article; its digest is computed from the signature unless given.
  public init(id: Int64, key: String, signature: HashedSignature, digest: UInt64? = nil) {
    self.id = id
    self.key = key
    self.signature = signature
    self.digest = digest ?? signature.digest
  }
}

extension [ScoredPair] {
  /// The pairs by their first article (`byFirst`) or their second, each list in the pairs'
  /// order, added to `lists`. A run of pairs with one such article (the engine gives pairs
  /// by their first article) is appended at once: one lookup per run, not one per pair.
  func group(byFirst: Bool, into lists: inout [Int64: [ScoredPair]]) {
    var start = startIndex
    while start < endIndex {
      let id = byFirst ? self[start].a : self[start].b
      var end = start + 1
      while end < endIndex && (byFirst ? self[end].a : self[end].b) == id { end += 1 }
      if end - start == 1 {
        lists[id, default: []].append(self[start])
      } else {
        lists[id, default: []].append(contentsOf: self[start..<end])
      }
      start = end
    }
  }
}

/// A scored pair of articles (`a < b`).
public struct ScoredPair: Sendable, Hashable {
  public var a: Int64
  public var b: Int64
  public var score: Double
  /// Most shared number contexts disagree: a cannot-link pair.
  public var conflict: Bool
  /// The smaller share of either article's facts the other does not report
  /// (``FactPrint/novelty(_:_:)``): near 0 for versions of one report, near 1 for a follow-up.
  public var novelty: Double
  /// The smaller count of facts either article adds over the other.
  public var newFacts: Int
  /// The TF-IDF cosine of the two leads.
  public var cosine: Double
  /// Rare names both carry (``GroupingParameters/rareNameShare``).
  public var rareNames: Int
  /// Rare names both leads carry (title and first words).
  public var leadRareNames: Int
  /// The Dice overlap of the two titles' terms (``FactPrint/titleDice(_:_:)``); -1 when a
  /// title is unknown or the pair was too weak to compare.
  public var titleDice: Double
  /// How much of their content words (not names or numbers) the two leads share
  /// (``PairScorer/leadWordOverlap(_:_:)``): whether both tell of the same matter; -1 when
  /// unknown (pairs stored before it was kept).
  public var leadWords: Double

  public init(
    a: Int64, b: Int64, score: Double, conflict: Bool, novelty: Double = 0, newFacts: Int = 0, cosine: Double = 0,
    rareNames: Int = 0, leadRareNames: Int = 0, titleDice: Double = -1, leadWords: Double = -1
  ) {
    self.leadRareNames = leadRareNames
    self.leadWords = leadWords
    self.titleDice = titleDice
    self.a = a
    self.b = b
    self.score = score
    self.conflict = conflict
    self.novelty = novelty
    self.newFacts = newFacts
    self.cosine = cosine
    self.rareNames = rareNames
  }
}

/// A term's new document frequency, and its posting list when it changed.
public struct TermUpdate: Sendable {
  public var term: UInt64
  public var documentFrequency: Int32
  public var postings: [Int64]?

  public init(term: UInt64, documentFrequency: Int32, postings: [Int64]?) {
    self.term = term
    self.documentFrequency = documentFrequency
    self.postings = postings
  }
}

/// One article as naming and story rows need it.
public struct GroupingMember: Sendable, Hashable {
  public var id: Int64
  /// Identity (link, else input id).
  public var key: String
  public var title: String
  public var source: String?
  /// ISO 8601, when known.
  public var published: String?
  /// The story it belongs to now (nil while pending).
  public var story: String?
  /// The article it is an identical copy of (same signature), when it is one.
  public var copyOf: Int64?
  /// Its story's thread now (nil while pending).
  public var thread: String?

  public init(
    id: Int64, key: String, title: String, source: String?, published: String?, story: String?, copyOf: Int64? = nil,
    thread: String? = nil
  ) {
    self.id = id
    self.key = key
    self.title = title
    self.source = source
    self.published = published
    self.story = story
    self.copyOf = copyOf
    self.thread = thread
  }
}

/// A story (one report, in all its versions) as the engine decides it: id and title from its
/// first report, members first report first, and the thread it belongs to.
public struct StoryRecord: Sendable, Hashable {
  public var id: String
  public var title: String
  /// The thread (developing story) the report belongs to: ``StoryID/thread(anchor:)`` of the
  /// first report of all the thread's reports.
  public var thread: String
  /// Member ids, the first report first, then by publication time and key.
  public var members: [Int64]
  /// The newest publication time.
  public var latest: String?
  /// Distinct sources, in member order.
  public var sources: [String]

  public init(id: String, title: String, members: [Int64], latest: String?, sources: [String], thread: String? = nil) {
    self.id = id
    self.title = title
    self.thread = thread ?? StoryID.thread(story: id)
    self.members = members
    self.latest = latest
    self.sources = sources
  }
}

/// A stored story that keeps its id and every member, and gains `joined`.
public struct StoryGrowth: Sendable, Hashable {
  public var id: String
  public var joined: [Int64]
  /// Members after the growth.
  public var size: Int
  public var latest: String?
  public var sources: [String]

  public init(id: String, joined: [Int64], size: Int, latest: String?, sources: [String]) {
    self.id = id
    self.joined = joined
    self.size = size
    self.latest = latest
    self.sources = sources
  }
}

/// A stored story as a growth needs it.
public struct StoryTally: Sendable, Hashable {
  /// The first report.
  public var anchor: GroupingMember
  public var size: Int
  public var latest: String?
  public var sources: [String]

  public init(anchor: GroupingMember, size: Int, latest: String?, sources: [String]) {
    self.anchor = anchor
    self.size = size
    self.latest = latest
    self.sources = sources
  }
}
