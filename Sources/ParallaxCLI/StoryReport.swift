import ParallaxCore

/// The JSON shapes of `parallax stories`.
public enum StoryReport {
  /// `--format json`: every story with its members and evidence.
  public struct Document: Encodable {
    var articles: Int
    var stories: [StoryEntry]
  }

  public struct StoryEntry: Encodable {
    var id: String
    var title: String
    var size: Int
    var members: [MemberEntry]
  }

  public struct MemberEntry: Encodable {
    var id: String
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
    var title: String
  }

  public static func document(_ stories: [Story], articles: [Article]) -> Document {
    Document(
      articles: articles.count,
      stories: stories.map { story in
        StoryEntry(
          id: story.id, title: story.title, size: story.size,
          members: story.members.map { m in
            let a = articles[m.inputIndex]
            return MemberEntry(
              id: a.id, title: a.title, source: a.source, published: a.published, score: rounded(m.score),
              evidence: m.evidence)
          })
      })
  }

  public static func lines(_ stories: [Story], articles: [Article]) -> [Line] {
    stories.flatMap { story in
      story.members.map { Line(id: $0.articleID, story: story.id, title: articles[$0.inputIndex].title) }
    }
  }

  /// The human-readable listing.
  public static func text(_ stories: [Story], articles: [Article], explain: Bool) -> String {
    var out: [String] = []
    for story in stories {
      let versions = story.size == 1 ? "1 version" : "\(story.size) versions"
      out.append("\(story.title)  [\(versions)]  \(story.id)")
      for member in story.members {
        let a = articles[member.inputIndex]
        let source = a.source ?? a.id
        var line = "  - \(source): \(a.title)"
        if story.size > 1 { line += String(format: "  (score %.2f)", member.score) }
        out.append(line)
        if explain, let e = member.evidence {
          out.append(
            String(
              format: story.size == 1
                ? "      nearest %@"
                : "      vs %@: pair %.2f (cosine %.2f, names/numbers %.2f, numbers agree %.2f, days agree %.1f); %d/%d sentences aligned",
              e.comparedWith, e.pair.score, e.pair.cosine, e.pair.entityOverlap, e.pair.numberAgreement,
              e.pair.whenAgreement,
              e.alignedSentences, e.sentences))
          if !e.sharedNames.isEmpty { out.append("      names: " + e.sharedNames.joined(separator: ", ")) }
          if !e.sharedNumbers.isEmpty { out.append("      numbers: " + e.sharedNumbers.joined(separator: ", ")) }
        }
      }
    }
    return out.joined(separator: "\n")
  }

  public static func rounded(_ x: Double) -> Double { (x * 10000).rounded() / 10000 }
}
