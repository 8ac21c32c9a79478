import Foundation
import ParallaxTestSupport
import Testing

@testable import ParallaxCore

@Suite struct GroupingTests {
  func load(_ folder: URL) -> [Article] { ArticleLoader().load([folder.path]).articles }

  func storyMembers(_ stories: [Story]) -> Set<Set<String>> {
    Set(stories.map { Set($0.members.map(\.articleID)) })
  }

  @Test func seeds003And004AreOneStoryAndTheOthersStandAlone() {
    let stories = StoryGrouper().group(load(TestSupport.seeds))
    let groups = storyMembers(stories).map { Set($0.map { String($0.prefix(3)) }) }
    #expect(Set(groups) == [["003", "004"], ["000"], ["001"], ["002"]])
  }

  /// Two levels: the five seeds are one developing story (the Istanbul talks) of four
  /// reports, one of them in two versions (003 and 004).
  @Test func theSeedsAreOneThreadOfFourReports() {
    let stories = StoryGrouper().group(load(TestSupport.seeds))
    #expect(stories.count == 4)
    #expect(Set(stories.map(\.thread)).count == 1)
    let thread = stories[0].thread
    // Named after its first report (undated: the smallest key, 000).
    #expect(stories.contains { $0.thread == thread && StoryID.thread(story: $0.id) == thread })
    #expect(
      stories.first { $0.size == 2 }?.members.map(\.articleID).sorted().map { String($0.prefix(3)) } == ["003", "004"])
  }

  /// `--explain`: why each seed report is in the thread, and why two articles are, or are
  /// not, versions of one report.
  @Test func explanationsSayWhyAtBothLevels() throws {
    let stories = StoryGrouper().group(load(TestSupport.seeds), explain: true)
    #expect(stories.allSatisfy { $0.threadLink?.levels.threadLink == true })
    let pair = try #require(stories.first { $0.size == 2 })
    #expect(pair.members.allSatisfy { $0.evidence?.levels?.versionPair == true })
    let alone = stories.filter { $0.size == 1 }
    #expect(alone.count == 3)
    #expect(alone.allSatisfy { $0.members[0].evidence?.levels?.versionPair == false })
  }

  /// `parallax pair`: the verdict on two articles at both levels, and where grouping put them.
  @Test func aPairVerdictSaysBothLevelsAndWhereGroupingPutThem() throws {
    let articles = load(TestSupport.seeds)
    func index(_ prefix: String) throws -> Int { try #require(articles.firstIndex { $0.id.hasPrefix(prefix) }) }
    let versions = StoryGrouper().verdict(try index("003"), try index("004"), in: articles)
    #expect(versions.kept && versions.levels.versionPair && versions.oneStory && versions.oneThread)
    let reports = StoryGrouper().verdict(try index("000"), try index("001"), in: articles)
    #expect(!reports.oneStory && reports.oneThread)
    #expect(!reports.levels.recurring)
  }

  /// Threads need a rare name both leads carry: two reports on one topic in the same words,
  /// about different people, are two threads; a follow-up about the same person (a new
  /// event, three facts of its own against three of the first report's) is one.
  @Test func aThreadNeedsTheSamePeopleNotTheSameTopic() {
    func report(_ id: String, _ title: String, _ body: String) -> Article {
      Article(id: id, title: title, body: body)
    }
    let first = report(
      "a", "Kenteris charged over missed test",
      "Greek sprinter Kostas Kenteris was charged on Monday by the athletics federation over a missed drugs test "
        + "before the Athens Olympics. The 31-year-old faces a ban of up to 24 months and a fine of 10,000 euros. "
        + "\"We will prove he did nothing wrong,\" his lawyer said. The federation said a hearing would follow.")
    let followUp = report(
      "b", "Kenteris cleared by Greek tribunal",
      "A Greek tribunal cleared sprinter Kostas Kenteris of charges over a missed drugs test before the Athens "
        + "Olympics by 3 votes to 2, 41 days after the federation charged him. \"I have always said I was "
        + "innocent,\" Kenteris said. The athletics body has 14 days to appeal the verdict.")
    let otherPerson = report(
      "c", "Sprinter charged over missed test",
      "Jamaican sprinter Delroy Maxwell was charged on Friday by the athletics federation over a missed drugs test "
        + "before the world championships. The federation said a hearing would follow within weeks.")
    let stories = StoryGrouper().group([first, followUp, otherPerson])
    let thread = Dictionary(uniqueKeysWithValues: stories.flatMap { s in s.members.map { ($0.articleID, s.thread) } })
    let story = Dictionary(uniqueKeysWithValues: stories.flatMap { s in s.members.map { ($0.articleID, s.id) } })
    #expect(story["a"] != story["b"], "a follow-up is another report")
    #expect(thread["a"] == thread["b"], "of the same developing story")
    #expect(thread["a"] != thread["c"], "the same kind of news about someone else is another story")
  }

  @Test func aParaphraseIsGroupedAndDifferentEventsOfTheSameKindStayApart() {
    let stories = StoryGrouper().group(load(TestSupport.fixtures.appendingPathComponent("grouping")))
    let groups = storyMembers(stories)
    #expect(groups.contains(["quake-chile-original.txt", "quake-chile-rewrite.txt"]))
    #expect(groups.contains(["quake-indonesia.txt"]))
    #expect(groups.contains(["summit-talks-round-2.txt"]))
    #expect(groups.contains(["summit-talks-round-3.txt"]))
  }

  @Test func templateReportsWithNewNumbersStayApart() {
    let stories = StoryGrouper().group(load(TestSupport.fixtures.appendingPathComponent("grouping")))
    let groups = storyMembers(stories)
    #expect(groups.contains(["grain-ships-week-1.txt"]))
    #expect(groups.contains(["grain-ships-week-2.txt"]))
  }

  @Test func identicalCopiesAreOneStory() {
    var articles = load(TestSupport.fixtures.appendingPathComponent("grouping"))
    var copy = articles[0]
    copy.id = "copy-of-" + copy.id
    articles.append(copy)
    let groups = storyMembers(StoryGrouper().group(articles))
    #expect(groups.contains { $0.contains(copy.id) && $0.contains(articles[0].id) })
  }

  @Test(arguments: [1, 2, 3, 4, 5])
  func groupsAndStoryIDsDoNotDependOnInputOrder(seed: UInt64) {
    let articles = load(TestSupport.seeds) + load(TestSupport.fixtures.appendingPathComponent("grouping"))
    var generator = SplitMix(seed: seed)
    let shuffled = articles.shuffled(using: &generator)
    let a = StoryGrouper().group(articles).map { ($0.id, Set($0.members.map(\.articleID))) }
    let b = StoryGrouper().group(shuffled).map { ($0.id, Set($0.members.map(\.articleID))) }
    #expect(Dictionary(uniqueKeysWithValues: a) == Dictionary(uniqueKeysWithValues: b))
  }

  @Test func labelsInMetadataDoNotInfluenceGrouping() {
    let articles = load(TestSupport.seeds)
    let labelled = articles.enumerated().map { i, a -> Article in
      var copy = a
      copy.metadata["group"] = i < 2 ? "same" : "other-\(i)"
      return copy
    }
    #expect(storyMembers(StoryGrouper().group(articles)) == storyMembers(StoryGrouper().group(labelled)))
  }

  @Test func membersOfAStoryCarryEvidence() throws {
    let stories = StoryGrouper().group(load(TestSupport.seeds), explain: true)
    let pair = try #require(stories.first { $0.size == 2 })
    for member in pair.members {
      let evidence = try #require(member.evidence)
      #expect(member.score >= GroupingParameters.default.threshold)
      #expect(evidence.sharedNames.contains("Varachyne"))
      #expect(evidence.alignedSentences > 0)
    }
  }

  @Test func averageLinkDoesNotChainThroughOneBridge() {
    // 0–1 strongly linked, 1–2 strongly linked, 0–2 unrelated: average link keeps {0,1} and {2}
    // apart once the mean over all pairs falls under the threshold.
    let labels = AverageLinkClusterer.cluster(
      count: 3, edges: [(0, 1, 0.9), (1, 2, 0.35)], threshold: 0.2)
    #expect(labels[0] == labels[1])
    #expect(labels[2] != labels[0])
  }

  @Test func cannotLinkPairsNeverShareACluster() {
    let labels = AverageLinkClusterer.cluster(
      count: 3, edges: [(0, 1, 0.9), (0, 2, 0.9), (1, 2, 0.9)], conflicts: [(1, 2)], threshold: 0.2)
    #expect(labels[1] != labels[2])
  }
}

/// A seeded random number generator, so shuffles are repeatable.
