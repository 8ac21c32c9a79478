/// A story's versions as a timeline: distinct texts in order of publication (the first
/// first), identical copies (the same text once normalised: case, whitespace, quotes and
/// dashes) collapsed into one entry naming every outlet, each entry with its length and
/// what it adds to and lacks from the first (the comparison's facts, as ``NewFacts``
/// counts them).
public struct VersionTimeline: Sendable, Equatable {
  /// One distinct text.
  public struct Entry: Sendable, Equatable {
    /// Indices into the articles given, the earliest first: every copy of this text.
    public var members: [Int]
    /// Words of the text.
    public var words: Int
    /// Facts this text has that the first lacks, and facts of the first it lacks (0 for the
    /// first entry).
    public var adds: Int
    public var lacks: Int
  }

  public var entries: [Entry]

  /// Entries whose facts are counted; later ones show their length only (a story with
  /// hundreds of distinct texts stays quick to open).
  public static let maxCompared = 40

  /// The timeline of `articles` (any order).
  public init(_ articles: [Article]) {
    let order = articles.indices.sorted { a, b in
      switch (articles[a].published, articles[b].published) {
      case (let x?, let y?) where x != y: return x < y
      case (_?, nil): return true
      case (nil, _?): return false
      default: return a < b
      }
    }
    var byText: [String: Int] = [:]
    var entries: [Entry] = []
    for index in order {
      let key = Self.normalizedText(articles[index])
      if let existing = byText[key] {
        entries[existing].members.append(index)
      } else {
        byText[key] = entries.count
        let words = articles[index].body.split(whereSeparator: \.isWhitespace).count
        entries.append(Entry(members: [index], words: words, adds: 0, lacks: 0))
      }
    }
    if let first = entries.first.map({ articles[$0.members[0]] }) {
      for e in entries.indices.dropFirst().prefix(Self.maxCompared - 1) {
        let article = articles[entries[e].members[0]]
        entries[e].adds = NewFacts.count(NewFacts.added(by: article, over: [first]))
        entries[e].lacks = NewFacts.count(NewFacts.added(by: first, over: [article]))
      }
    }
    self.entries = entries
  }

  /// The text that decides whether two versions are copies: the body (the title when there
  /// is none), normalised, lowercased, whitespace collapsed. Titles are left out: outlets
  /// retitle the copies they carry.
  public static func normalizedText(_ article: Article) -> String {
    let text = article.body.isEmpty ? article.title : article.body
    return TextNormalizer.normalize(text).lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// The two entries whose texts differ most (the lowest share of common words), for a
  /// comparison nobody chose; nil with fewer than two distinct texts. The first
  /// ``maxCompared`` entries are considered.
  public func mostDifferentPair(_ articles: [Article]) -> (Int, Int)? {
    guard entries.count >= 2 else { return nil }
    let considered = Array(entries.indices.prefix(Self.maxCompared))
    let words = considered.map { Set(Self.normalizedText(articles[entries[$0].members[0]]).split(separator: " ")) }
    var best: (Int, Int, Double)?
    for i in considered.indices {
      for j in considered.indices where j > i {
        let union = words[i].union(words[j]).count
        let similarity = union == 0 ? 1 : Double(words[i].intersection(words[j]).count) / Double(union)
        if best == nil || similarity < best!.2 { best = (considered[i], considered[j], similarity) }
      }
    }
    return best.map { ($0.0, $0.1) }
  }
}
