/// What a new version of a story adds to the versions already read: the comparison's
/// only-in facts (quotes, numbers, names, attributions) of the new version against all the
/// read ones taken together. A story comes back as unread only when this is not empty.
public enum NewFacts {
  /// The facts `article` has that none of `read` has. Paragraphs it shares word for word
  /// with a read version give no facts (a trimmed or identical copy adds nothing).
  public static func added(by article: Article, over read: [Article]) -> Facts {
    guard !read.isEmpty else { return Facts() }
    // What the reader saw includes the titles (facts are never taken from a title, but a
    // fact a read title carried is not news).
    let seen = read.flatMap { [$0.title] + $0.paragraphs }.filter { !$0.isEmpty }
    var merged = Article(id: "read", title: "", body: seen.joined(separator: "\n\n"))
    merged.attributions = read.flatMap(\.attributions)
    let shared = Set(article.paragraphs).intersection(merged.paragraphs)
    let present = FactExtractor.extract(article, shared: shared)
    let other = FactExtractor.extract(merged, shared: shared)
    return significant(FactExtractor.missing(from: other, present: present))
  }

  /// The facts that count as news. A rewrite of the same report restates it in other words,
  /// so what it "adds" is mostly wording that the comparison lists for the reader but that is
  /// no news: a quote whose words the read text already carries (re-quoted), and single
  /// capitalised words (sentence openers such as "Oh", nationalities, weekdays). Kept: quotes
  /// whose words are new, numbers, new attributions, and names of two or more words none of
  /// which the read text has. Measured with `parallax-bench resurface` (docs/decisions.md).
  static func significant(_ facts: Facts) -> Facts {
    var kept = facts
    kept.quotes = facts.quotes.filter(\.absentFromOther)
    kept.names = []
    return kept
  }

  /// How many facts `facts` holds, as the interface counts them (`+3 facts`).
  public static func count(_ facts: Facts) -> Int {
    facts.quotes.count + facts.numbers.count + facts.names.count + facts.attributions.count
  }
}
