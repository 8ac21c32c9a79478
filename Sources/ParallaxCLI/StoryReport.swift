import ParallaxCore

/// The JSON shapes of `parallax stories`.
public enum StoryReport {
  /// `--format json`: every story with its members and evidence.
  public struct Document: Encodable {
    var articles: Int
    var stories: [StoryEntry]
    var threads: [ThreadEntry]
  }

  public struct StoryEntry: Encodable {
    var id: String
    var title: String
    var size: Int
    var thread: String
    /// Why the report is in its thread (a thread of two or more reports).
    var threadLink: ThreadLink?
    var members: [MemberEntry]
  }

  /// A thread: its reports (story ids), oldest first.
  public struct ThreadEntry: Encodable {
    var id: String
    var title: String
    var reports: [String]
  }

  public struct MemberEntry: Encodable {
    var id: String
    /// The article's story (report) and thread, as in jsonl output.
    var story: String
    var thread: String
    var title: String
    var source: String?
    var published: String?
    var score: Double
    var evidence: MatchEvidence?
  }

  /// `--format jsonl`: one line per article.
  public struct Line: Encodable {
    var id: String
    var story: String
    var thread: String
    var title: String
  }

  /// A thread's reports, oldest first (their first reports in ``StoryNaming``'s order: by
  /// publication time, undated last, then identity key).
  public struct Thread {
    public var id: String
    public var reports: [Story]
    /// Named after its oldest report.
    public var title: String { reports[0].title }
    public var articles: Int { reports.reduce(0) { $0 + $1.size } }
  }

  /// The threads of `stories`, largest (in articles) first, then by id.
  public static func threads(_ stories: [Story], articles: [Article]) -> [Thread] {
    func first(_ story: Story) -> (Int, String, String) {
      let a = articles[story.members[0].inputIndex]
      return (a.published == nil ? 1 : 0, a.published ?? "", a.identityKey)
    }
    var byThread = [String: [Story]]()
    for story in stories { byThread[story.thread, default: []].append(story) }
    return byThread.map { Thread(id: $0.key, reports: $0.value.sorted { first($0) < first($1) }) }
      .sorted { $0.articles != $1.articles ? $0.articles > $1.articles : $0.id < $1.id }
  }

  public static func document(_ stories: [Story], articles: [Article]) -> Document {
    Document(
      articles: articles.count,
      stories: stories.map { story in
        StoryEntry(
          id: story.id, title: story.title, size: story.size, thread: story.thread, threadLink: story.threadLink,
          members: story.members.map { m in
            let a = articles[m.inputIndex]
            return MemberEntry(
              id: a.id, story: story.id, thread: story.thread, title: a.title, source: a.source, published: a.published,
              score: rounded(m.score),
              evidence: m.evidence)
          })
      },
      threads: threads(stories, articles: articles).map {
        ThreadEntry(id: $0.id, title: $0.title, reports: $0.reports.map(\.id))
      })
  }

  public static func lines(_ stories: [Story], articles: [Article]) -> [Line] {
    stories.flatMap { story in
      story.members.map {
        Line(id: $0.articleID, story: story.id, thread: story.thread, title: articles[$0.inputIndex].title)
      }
    }
  }

  /// The human-readable listing: each thread of two or more reports under a `thread:` line
  /// with its reports indented beneath it, oldest first; a report alone as it is.
  public static func text(_ stories: [Story], articles: [Article], explain: Bool) -> String {
    var out: [String] = []
    for thread in threads(stories, articles: articles) {
      var indent = ""
      if thread.reports.count > 1 {
        out.append("thread: \(thread.title)  [\(thread.reports.count) reports]  \(thread.id)")
        indent = "    "
      }
      for story in thread.reports { text(story, articles: articles, explain: explain, indent: indent, into: &out) }
    }
    return out.joined(separator: "\n")
  }

  static func text(_ story: Story, articles: [Article], explain: Bool, indent: String, into out: inout [String]) {
    let versions = story.size == 1 ? "1 version" : "\(story.size) versions"
    out.append(indent + "\(story.title)  [\(versions)]  \(story.id)")
    if explain, let link = story.threadLink {
      out.append(indent + "  in its thread: \(link.article) vs \(link.otherArticle): " + threadReason(link.levels))
    }
    for member in story.members {
      let a = articles[member.inputIndex]
      let source = a.source ?? a.id
      var line = indent + "  - \(source): \(a.title)"
      if story.size > 1 { line += String(format: "  (score %.2f)", member.score) }
      out.append(line)
      if explain, let e = member.evidence {
        out.append(
          indent
            + String(
              format: story.size == 1
                ? "      nearest %@"
                : "      vs %@: pair %.2f (cosine %.2f, names/numbers %.2f, numbers agree %.2f, days agree %.1f); %d/%d sentences aligned",
              e.comparedWith, e.pair.score, e.pair.cosine, e.pair.entityOverlap, e.pair.numberAgreement,
              e.pair.whenAgreement,
              e.alignedSentences, e.sentences))
        if let levels = e.levels { out.append(indent + "      " + versionReason(levels, score: e.pair.score)) }
        if !e.sharedNames.isEmpty { out.append(indent + "      names: " + e.sharedNames.joined(separator: ", ")) }
        if !e.sharedNumbers.isEmpty {
          out.append(indent + "      numbers: " + e.sharedNumbers.joined(separator: ", "))
        }
      }
    }
  }

  public static func rounded(_ x: Double) -> Double { (x * 10000).rounded() / 10000 }

  /// Why two articles are, or are not, versions of one report.
  public static func versionReason(_ l: LevelEvidence, score: Double) -> String {
    var parts = [
      String(format: "facts the other lacks: %d on the side adding fewer (share %.2f)", l.newFacts, l.novelty)
    ]
    if l.titleDice >= 0 && l.oneOutlet {
      parts.append(String(format: "one outlet's titles share %.2f of their words", l.titleDice))
    }
    if let days = l.daysApart { parts.append(String(format: "%.1f days apart", days)) }
    let threshold = GroupingParameters.default.threshold
    let verdict =
      !l.versionPair
      ? "not versions of one report: "
      : score < threshold
        ? String(format: "not versions of one report: the texts differ (pair %.2f < %.2f), though ", score, threshold)
        : "versions of one report: "
    return verdict + parts.joined(separator: ", ")
  }

  /// Why a report is in its thread.
  public static func threadReason(_ l: LevelEvidence) -> String {
    var parts = [
      "\(l.leadRareNames) rare names in both leads, \(l.rareNames) in both articles",
      String(format: "texts alike %.2f (cosine)", l.cosine),
    ]
    if l.leadWords >= 0 { parts.append(String(format: "the leads share %.2f of their words", l.leadWords)) }
    if let days = l.daysApart { parts.append(String(format: "%.1f days apart", days)) }
    parts.append(
      String(format: "facts the other lacks: %d on the side adding fewer (share %.2f)", l.newFacts, l.novelty))
    if l.recurring {
      parts.append(String(format: "one outlet's recurring report (its titles share %.2f of their words)", l.titleDice))
    }
    return parts.joined(separator: ", ")
  }
}
