import Foundation
import ParallaxTestSupport
import Testing

@testable import ParallaxCore

/// The evidence a pair score weighs beyond shared words: when (days of the week), how many
/// (numbers), and the exactness of the fast scoring path.
@Suite struct PairEvidenceTests {
  func article(_ id: String, _ title: String, _ body: String) -> Article {
    Article(id: id, title: title, body: body)
  }

  func breakdown(_ a: Article, _ b: Article) -> PairScorer.Breakdown {
    StoryGrouper().breakdown(0, 1, in: [a, b])
  }

  let hearing =
    "Greek sprinters Kostas Kenteris and Katerina Thanou appeared before the athletics tribunal in Athens, "
    + "where lawyers argued that the pair had missed the drugs test because of a motorcycle accident."

  @Test func leadsNamingDifferentDaysOfTheWeekHalveTheScore() {
    let monday = article("a", "Greek pair at hearing", "On Monday " + hearing)
    let friday = article("b", "Greek pair at hearing", "On Friday " + hearing)
    let sameDay = article("c", "Greek pair at hearing", "On Monday afternoon " + hearing)
    let undated = article("d", "Greek pair at hearing", hearing)
    #expect(breakdown(monday, friday).whenAgreement == 0.5)
    #expect(breakdown(monday, sameDay).whenAgreement == 1)
    #expect(breakdown(monday, undated).whenAgreement == 1)
    let p = breakdown(monday, friday)
    let withoutWhen = p.cosine * (0.5 + 0.5 * p.entityOverlap) * p.numberAgreement * p.contextAgreement
    #expect(abs(p.score - 0.5 * withoutWhen) < 1e-12)
  }

  @Test func twoNumbersEachAreEnoughToCompareNumberSets() {
    let a = article("a", "Union ballot", "The union will ballot 290,000 members over raising the pension age to 65.")
    let b = article("b", "Union ballot", "The union will ballot 120,000 members over raising the pension age to 68.")
    #expect(breakdown(a, b).numberAgreement == 0.25)
    #expect(breakdown(a, a).numberAgreement == 1)
  }

  @Test func weekdaysSurviveTheStoredFormAndOldBlobsReadAsUndated() throws {
    let signature = HashedSignature(ArticleSignature(text: "Talks resume on Tuesday and end on Thursday."))
    #expect(signature.weekdays == 2 | 8)
    let decoded = try #require(HashedSignature(signature.encoded))
    #expect(decoded == signature)
    // A blob written before store format 5 ends before the weekday field (and the quotes
    // and lead names of format 10: no quotes here, one count; the lead names, a count and
    // their hashes; and the title terms of format 11, none for raw text: one count).
    let old = signature.encoded.dropLast(8 + 4 + 8 * signature.leadTerms.count + 4 + languageField(signature))
    let oldDecoded = try #require(HashedSignature(Data(old)))
    #expect(oldDecoded.weekdays == 0)
    #expect(oldDecoded.terms == signature.terms)
  }

  @Test func theLeadsNamesAreTheTitlesAndFirstWordsNames() throws {
    let body =
      "Officials in Ankara said on Monday that Hakan Fidan would host the talks. "
      + String(repeating: "The delegations met again and spoke at length about the proposals. ", count: 6)
      + "Later Mevlut Cavusoglu joined them."
    let signature = ArticleSignature(article: Article(id: "a", title: "Talks in Istanbul", body: body), leadTokens: 500)
    #expect(Set(signature.leadTerms).isSuperset(of: ["N:istanbul", "N:ankara", "N:hakan", "N:fidan"]))
    #expect(!signature.leadTerms.contains("N:cavusoglu"))
    #expect(signature.names["N:cavusoglu"] != nil)
  }

  @Test func quotationsSurviveTheStoredFormAndOldBlobsReadWithout() throws {
    let article = Article(
      id: "a", title: "Talks", body: #"The minister said: "Talks will resume next week." Aides said "soon"."#)
    let signature = HashedSignature(ArticleSignature(article: article, leadTokens: 500))
    #expect(signature.quotes.count == 2)
    #expect(signature.quotes.allSatisfy { $0 == $0.sorted() })
    let decoded = try #require(HashedSignature(signature.encoded))
    #expect(decoded == signature)
    // A blob written before store format 10 ends after the weekday field.
    let size =
      4 + signature.quotes.reduce(0) { $0 + 4 + 8 * $1.count } + 4 + 8 * signature.leadTerms.count + 4 + 8
      * signature.titleTerms.count + languageField(signature)
    let old = try #require(HashedSignature(Data(signature.encoded.dropLast(size))))
    #expect(old.quotes.isEmpty)
    #expect(old.leadTerms.isEmpty)
    #expect(old.terms == signature.terms)
    // A damaged tail is damage, not a shorter signature.
    #expect(HashedSignature(Data(signature.encoded.dropLast(3))) == nil)
    #expect(HashedSignature(signature.encoded + Data([1, 2, 3, 4])) == nil)
  }

  @Test func headlinesSurviveTheStoredFormAndOldBlobsReadWithout() throws {
    let article = Article(id: "a", title: "Talks in Istanbul end without a deal", body: "Delegations met on Monday.")
    let signature = HashedSignature(ArticleSignature(article: article, leadTokens: 500))
    #expect(signature.titleTerms.count == 5)  // talk, istanbul, end, without, deal
    #expect(try #require(HashedSignature(signature.encoded)) == signature)
    // A blob written before store format 11 ends after the lead's terms.
    let old = try #require(
      HashedSignature(Data(signature.encoded.dropLast(4 + 8 * signature.titleTerms.count + languageField(signature)))))
    #expect(old.titleTerms.isEmpty)
    #expect(old.leadTerms == signature.leadTerms)
  }

  /// The bytes of the language field that ends a blob of store format 12.
  func languageField(_ signature: HashedSignature) -> Int { 4 + signature.language.rawValue.utf8.count }

  @Test func titleDiceComparesHeadlinesAndKnowsWhenThereIsNone() {
    func print(_ title: String, _ body: String = "Officials met in the capital on Monday.") -> FactPrint {
      FactPrint(
        signature: HashedSignature(
          ArticleSignature(article: Article(id: "x", title: title, body: body), leadTokens: 500)))
    }
    let talks = print("Russia and Ukraine to hold peace talks in Istanbul")
    #expect(FactPrint.titleDice(talks, print("Russia and Ukraine to hold peace talks in Istanbul")) == 1)
    // russia, ukrain, peac, talk shared of 6 and 7 terms.
    let resume = FactPrint.titleDice(talks, print("Russia and Ukraine resume peace talks in Türkiye amid low hopes"))
    #expect(resume > 0.5 && resume < 0.7)
    #expect(FactPrint.titleDice(talks, print("Sprinters suspended by athletics body")) == 0)
    // A title that only repeats the text's opening words is no headline: unknown, not 0.
    let derived = print("Officials met in the capital on Monday.", "Officials met in the capital on Monday. Then more.")
    #expect(derived.title.isEmpty)
    #expect(FactPrint.titleDice(talks, derived) == -1)
    #expect(FactPrint.titleDice(talks, print("")) == -1)
  }

  @Test func oneOutletsNewHeadlineIsAnotherReportButOtherOutletsHeadlineInTheirOwnWords() {
    let engine = GroupingEngine(parameters: .default)
    // A pair that passes on facts and time, with headlines that share nothing.
    let pair = ScoredPair(a: 1, b: 2, score: 0.4, conflict: false, novelty: 0.1, newFacts: 1, titleDice: 0)
    #expect(!engine.isVersionPair(pair, days: nil, oneOutlet: true))
    #expect(engine.isVersionPair(pair, days: nil, oneOutlet: false))
    // Shared headline words, an unknown headline, or near-copy texts: versions.
    for changed in [
      ScoredPair(a: 1, b: 2, score: 0.4, conflict: false, novelty: 0.1, newFacts: 1, titleDice: 0.5),
      ScoredPair(a: 1, b: 2, score: 0.4, conflict: false, novelty: 0.1, newFacts: 1, titleDice: -1),
      ScoredPair(a: 1, b: 2, score: 0.7, conflict: false, novelty: 0.1, newFacts: 1, titleDice: 0),
    ] {
      #expect(engine.isVersionPair(changed, days: nil, oneOutlet: true))
    }
    #expect(GroupingEngine.oneOutlet("BBC", "bbc"))
    #expect(!GroupingEngine.oneOutlet("BBC", "Reuters"))
    #expect(!GroupingEngine.oneOutlet(nil, nil))
    #expect(!GroupingEngine.oneOutlet("", ""))
  }

  @Test func aThreadLinkNeedsTwoRareNamesNotOnePerson() {
    let engine = GroupingEngine(parameters: .default)
    let onePerson = ScoredPair(a: 1, b: 2, score: 0.3, conflict: false, cosine: 0.35, rareNames: 1, leadRareNames: 1)
    #expect(!engine.isThreadLink(onePerson, days: nil))
    var oneCase = onePerson
    oneCase.rareNames = 2
    #expect(engine.isThreadLink(oneCase, days: nil))
    #expect(engine.isThreadLink(oneCase, days: 20))
    #expect(!engine.isThreadLink(oneCase, days: 40))
  }

  @Test func aThreadLinkNeedsLeadsThatTellOfOneMatter() {
    let engine = GroupingEngine(parameters: .default)
    // One case by its names, and leads that share a fifth of their words: one thread.
    var pair = ScoredPair(
      a: 1, b: 2, score: 0.45, conflict: false, cosine: 0.45, rareNames: 5, leadRareNames: 2, leadWords: 0.2)
    #expect(engine.isThreadLink(pair, days: 3))
    // The same names with leads about another matter (a manager on a defeat, then on his
    // goalkeeper): not one developing story, unless the texts themselves are half alike.
    pair.leadWords = 0.1
    #expect(!engine.isThreadLink(pair, days: 3))
    // Pairs stored before the leads' words were kept are judged on the rest.
    pair.leadWords = -1
    #expect(engine.isThreadLink(pair, days: 3))
    // A follow-up that names the case in its body only: many rare names, a good score and
    // leads that tell of one matter.
    pair = ScoredPair(
      a: 1, b: 2, score: 0.45, conflict: false, cosine: 0.45, rareNames: 5, leadRareNames: 0, leadWords: 0.3)
    #expect(engine.isThreadLink(pair, days: 3))
    pair.leadWords = 0.2
    #expect(!engine.isThreadLink(pair, days: 3))
  }

  /// Half-alike texts naming many of the same rare names are one developing story whatever
  /// their leads open on (one team's squad news through a tournament, each piece leading on
  /// another player); fewer names, less alike texts, a month apart or a recurring report are not.
  @Test func halfAlikeTextsWithManyRareNamesAreOneThread() {
    let engine = GroupingEngine(parameters: .default)
    let squad = ScoredPair(
      a: 1, b: 2, score: 0.43, conflict: false, cosine: 0.52, rareNames: 39, leadRareNames: 0, leadWords: 0.08)
    #expect(engine.isThreadLink(squad, days: nil))
    #expect(engine.isThreadLink(squad, days: 6))
    #expect(!engine.isThreadLink(squad, days: 40))
    var fewer = squad
    fewer.rareNames = 4
    #expect(!engine.isThreadLink(fewer, days: nil))
    var lessAlike = squad
    lessAlike.cosine = 0.45
    #expect(!engine.isThreadLink(lessAlike, days: nil))
    var recurring = squad
    recurring.titleDice = 0.8
    #expect(!engine.isThreadLink(recurring, days: 7, oneOutlet: true))
  }

  /// One outlet's headline repeated on another day is a recurring report (another day's
  /// operation, another week's figures), never a development of one story.
  @Test func aRecurringReportIsNotAThreadLink() {
    let engine = GroupingEngine(parameters: .default)
    let pair = ScoredPair(
      a: 1, b: 2, score: 0.8, conflict: false, cosine: 0.85, rareNames: 2, leadRareNames: 2, titleDice: 0.77,
      leadWords: 0.84)
    #expect(!engine.isThreadLink(pair, days: 3, oneOutlet: true))
    // The same day, other outlets, or undated articles: judged on names and leads as before.
    #expect(engine.isThreadLink(pair, days: 0.2, oneOutlet: true))
    #expect(engine.isThreadLink(pair, days: 3, oneOutlet: false))
    #expect(engine.isThreadLink(pair, days: nil, oneOutlet: true))
    // A development headlined anew.
    var development = pair
    development.titleDice = 0.5
    #expect(engine.isThreadLink(development, days: 3, oneOutlet: true))
  }

  /// The scoring shortcut (`keptBreakdown`: a pair under the edge bound by its cosine only
  /// has its contexts compared) keeps exactly the pairs the whole score keeps, with the same
  /// parts: every pair of the seeds, of template reports with clashing numbers, and a conflict
  /// with no cosine.
  @Test func theScoringShortcutKeepsExactlyWhatTheWholeScoreKeeps() throws {
    var articles = ArticleLoader().load([TestSupport.seeds.path]).articles
    for (k, ships) in ["seven", "three", "seven", "nine"].enumerated() {
      articles.append(
        Article(
          id: "grain-\(k)", title: "Grain ships loading at Portland",
          body:
            "There were \(ships) grain ships loading and \(k + 2) waiting at Portland on Monday, port officials said."))
    }
    // Nothing in common but one wording context with other numbers: a conflict with no cosine.
    articles.append(Article(id: "zebras", title: "Zebras", body: "Zebras grazed in the 17 of the meadows near Oslo."))
    articles.append(
      Article(id: "pianos", title: "Pianos", body: "Pianos tuned in the 42 of the concert halls in Lima."))
    // Two reports of one case: rare names in both leads, and lead words in common.
    for (k, verdict) in ["delayed", "postponed"].enumerated() {
      articles.append(
        Article(
          id: "hearing-\(k)", title: "Kenteris and Thanou hearing \(verdict)",
          body: "The hearing of Kostas Kenteris and Katerina Thanou in Athens was \(verdict) until 4 December."))
    }
    let signatures = articles.map { ArticleSignature(article: $0, leadTokens: 500) }
    let scorer = PairScorer(space: FeatureSpace(signatures: signatures), parameters: .default)
    let (z, p) = (articles.count - 4, articles.count - 3)
    #expect(
      scorer.breakdown(z, p).cosine < GroupingParameters.default.minEdgeScore && scorer.breakdown(z, p).isConflict)
    // Scattered one article after another, as the engine's workers do, and back again.
    let scattered = ScatteredArticle(vocabulary: scorer.space.idf.count)
    var kept = 0
    var named = 0
    for a in articles.indices + articles.indices.reversed() {
      scattered.scatter(a, of: scorer)
      for b in articles.indices where b != a {
        let whole = scorer.breakdown(a, b)
        let keep = whole.score >= GroupingParameters.default.minEdgeScore || whole.isConflict
        let short = scorer.keptBreakdown(a, b, scattered: scattered)
        #expect((short != nil) == keep, "\(articles[a].id) \(articles[b].id)")
        if let short {
          kept += 1
          // Every part, the name counts and the sums alike, exactly as the merges give them.
          #expect(short == whole, "\(articles[a].id) \(articles[b].id)")
          if short.rareNames > 0 && short.leadRareNames > 0 && short.leadWords > 0 { named += 1 }
        }
      }
    }
    #expect(kept > 0 && kept < 2 * articles.count * (articles.count - 1))
    #expect(named > 0)
  }

  @Test func scatteredDotProductsEqualMergedOnesExactly() {
    var random = SplitMix(seed: 7)
    func vector() -> SparseVector {
      let ids = Set((0..<40).map { _ in Int32(random.next() % 500) })
      return SparseVector(ids.map { ($0, Float(random.next() % 1000) / 100 + 0.01) })
    }
    let dense = UnsafeMutableBufferPointer<Float>.allocate(capacity: 500)
    dense.initialize(repeating: 0)
    defer { dense.deallocate() }
    for _ in 0..<50 {
      let (a, b) = (vector(), vector())
      a.scatter(into: dense)
      #expect(b.dot(scattered: dense) == a.dot(b))
      a.clear(dense)
      #expect(dense.allSatisfy { $0 == 0 })
    }
  }
}

/// Scoring in bounded runs (for memory) changes no score and no story.
@Suite struct ScoringRunTests {
  func grouped(_ articles: [Article], passes: Int, articlesPerRun: Int) throws -> MemoryGroupingStorage {
    var storage = MemoryGroupingStorage()
    var engine = GroupingEngine()
    engine.articlesPerScoringRun = articlesPerRun
    let size = (articles.count + passes - 1) / passes
    for start in stride(from: 0, to: articles.count, by: size) {
      for article in articles[start..<min(articles.count, start + size)] {
        storage.add(article, signature: HashedSignature(ArticleSignature(article: article, leadTokens: 500)))
      }
      try engine.groupPending(&storage)
    }
    return storage
  }

  @Test func runsOfFourArticlesGiveTheSamePairsAndStoriesAsOneRun() throws {
    let articles =
      ArticleLoader().load([TestSupport.fixtures.appendingPathComponent("grouping").path]).articles
      + ArticleLoader().load([TestSupport.seeds.path]).articles
    #expect(articles.count >= 10)
    let oneRun = try grouped(articles, passes: 2, articlesPerRun: GroupingEngine.defaultArticlesPerScoringRun)
    let smallRuns = try grouped(articles, passes: 2, articlesPerRun: 4)
    #expect(oneRun.scoredPairs(minimumScore: 0) == smallRuns.scoredPairs(minimumScore: 0))
    #expect(oneRun.stories == smallRuns.stories)
    #expect(!oneRun.scoredPairs(minimumScore: 0.2).isEmpty)
  }
}
