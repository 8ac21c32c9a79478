import Foundation
import ParallaxCore
import ParallaxTestSupport
import Testing

@testable import ParallaxStore

/// Stories built up import by import must equal grouping everything at once.
@Suite struct IncrementalGroupingTests {
  /// The seeds and the grouping fixtures, each with two rewrites (trimmed; retitled and
  /// missing its first paragraph), and every other one with an identical copy under another
  /// id (every fourth published earlier, so that the copy is the first report and names the
  /// story).
  static let collection: [Article] = {
    let folders = [TestSupport.seeds, TestSupport.fixtures.appendingPathComponent("grouping")]
    let originals = ArticleLoader().load(folders.map(\.path)).articles
    var out: [Article] = []
    for (i, a) in originals.enumerated() {
      var paragraphs = a.body.components(separatedBy: "\n\n")
      var original = a
      original.id = "orig-\(i)"
      original.source = "Wire"
      out.append(original)
      var trimmed = a
      trimmed.id = "trim-\(i)"
      trimmed.source = "Daily, Ltd"
      if paragraphs.count > 2 { trimmed.body = paragraphs.dropLast().joined(separator: "\n\n") }
      out.append(trimmed)
      var retitled = a
      retitled.id = "retitled-\(i)"
      retitled.source = "Post"
      retitled.title = "Update: " + a.title
      if paragraphs.count > 2 { paragraphs.removeFirst() }
      retitled.body = paragraphs.joined(separator: "\n\n")
      out.append(retitled)
      if i % 2 == 0 {
        var copy = a
        copy.id = "copy-\(i)"
        copy.source = "Echo"
        if i % 4 == 0 { copy.published = "2000-01-0\(i % 9 + 1)T06:00:00Z" }
        out.append(copy)
      }
    }
    return out
  }()

  /// The collection's article with input id `id`.
  static func article(_ id: String) -> Article { collection.first { $0.id == id }! }

  func store() throws -> Store {
    try Store(path: TestSupport.temporaryStorePath())
  }

  /// Stories as sets of input ids.
  func partition(_ store: Store) throws -> Set<Set<String>> {
    var byStory: [String: Set<String>] = [:]
    for row in try store.allArticles() { byStory[row.story ?? "none", default: []].insert(row.inputID) }
    #expect(byStory["none"] == nil, "every article is grouped")
    return Set(byStory.values)
  }

  @Test func oneByOneInAnyOrderEqualsAllAtOnce() throws {
    let atOnce = try store()
    try atOnce.add(Self.collection)
    let expected = try partition(atOnce)
    #expect(expected.count < Self.collection.count, "rewrites are grouped")
    #expect(expected.contains(["orig-0", "trim-0", "retitled-0", "copy-0"]))

    var generator = SplitMix(seed: 7)
    for _ in 0..<3 {
      let incremental = try store()
      for article in Self.collection.shuffled(using: &generator) { try incremental.add([article]) }
      #expect(try partition(incremental) == expected)
      #expect(try incremental.stats().stories == expected.count)
    }
  }

  /// Batches differ from all at once in the term weights a pair was scored with (those of
  /// the moment its later article arrived), so stories whose mean score sits at the threshold
  /// can go either way: seeds 000 and 001 (talks between Russia and Ukraine next week) score
  /// 0.18–0.20 against each other all at once and 0.19–0.21 in these batches, and join. The
  /// batches stay close; a full regroup gives the all-at-once result exactly.
  @Test func batchesStayCloseToAllAtOnceAndAFullRegroupEqualsIt() throws {
    let atOnce = try store()
    try atOnce.add(Self.collection)
    let expected = try partition(atOnce)
    let batched = try store()
    let c = Self.collection
    try batched.add(Array(c[24...]))
    try batched.add(Array(c[..<10]))
    try batched.add(Array(c[10..<24]))
    func labels(_ partition: Set<Set<String>>) -> [String: Int] {
      var out: [String: Int] = [:]
      for (i, story) in partition.sorted(by: { $0.min()! < $1.min()! }).enumerated() { for id in story { out[id] = i } }
      return out
    }
    let (got, gold) = (labels(try partition(batched)), labels(expected))
    let ids = gold.keys.sorted()
    let metrics = ClusteringMetrics(predicted: ids.map { got[$0] ?? -1 }, gold: ids.map { gold[$0]! })
    #expect(metrics.f1 >= 0.9, "B³ F1 \(metrics.f1) against all at once")
    try batched.regroupAll()
    #expect(try partition(batched) == expected)
  }

  @Test func theStoreGroupsLikeTheInMemoryGrouper() throws {
    let s = try store()
    try s.add(Self.collection)
    let stories = StoryGrouper().group(Self.collection)
    let inMemory = Set(stories.map { Set($0.members.map(\.articleID)) })
    #expect(try partition(s) == inMemory)
  }

  /// Each article's story id and title, thread id and title, from the store.
  func naming(_ store: Store) throws -> [String: [String]] {
    let rows = try store.storyPage(offset: 0, limit: 10_000)
    let titles = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0.title) })
    let threads = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0.thread ?? "none") })
    var out: [String: [String]] = [:]
    for row in try store.allArticles() {
      let story = try #require(row.story, "\(row.inputID) is grouped")
      let thread = threads[story] ?? "none"
      out[row.inputID] = [
        story, try #require(titles[story], "story \(story) has a row"), thread,
        titles["s" + thread.dropFirst()] ?? "?",
      ]
    }
    return out
  }

  @Test func memoryOneImportAndTenImportsGiveEveryArticleTheSameStoryIdAndTitle() throws {
    var inMemory: [String: [String]] = [:]
    let stories = StoryGrouper().group(Self.collection)
    // A thread's title is its first report's (StoryNaming): the story it is named after.
    let threadTitles = Dictionary(
      stories.filter { StoryID.thread(story: $0.id) == $0.thread }.map { ($0.thread, $0.title) },
      uniquingKeysWith: { a, _ in a })
    for story in stories {
      for member in story.members {
        inMemory[member.articleID] = [story.id, story.title, story.thread, threadTitles[story.thread] ?? "?"]
      }
    }
    #expect(inMemory.count == Self.collection.count)
    #expect(Set(inMemory.values.map { $0[0] }).count < Self.collection.count, "rewrites are grouped")
    #expect(
      Set(inMemory.values.map { $0[2] }).count < Set(inMemory.values.map { $0[0] }).count,
      "follow-ups are threaded")
    #expect(!inMemory.values.contains { $0[3] == "?" }, "every thread is named after one of its reports")

    let once = try store()
    try once.add(Self.collection)
    #expect(try naming(once) == inMemory)

    var generator = SplitMix(seed: 11)
    for _ in 0..<2 {
      let shuffled = Self.collection.shuffled(using: &generator)
      let tenImports = try store()
      let size = (shuffled.count + 9) / 10
      for start in stride(from: 0, to: shuffled.count, by: size) {
        try tenImports.add(Array(shuffled[start..<min(shuffled.count, start + size)]))
      }
      let named = try naming(tenImports)
      #expect(named == inMemory)
      for (id, names) in named.sorted(by: { $0.key < $1.key }) where names != inMemory[id] {
        Issue.record("\(id): \(names) in ten imports, \(inMemory[id] ?? []) in memory")
      }
      // Story rows too: size, newest time and sources, however the stories grew.
      let rows = { (store: Store) in
        try store.storyPage(offset: 0, limit: 10_000).sorted { $0.id < $1.id }.map {
          "\($0.id) \($0.size) \($0.latest ?? "-") \($0.sources)"
        }
      }
      #expect(try rows(tenImports) == rows(once))
    }
  }

  @Test func aStoryIsNamedAfterItsFirstReport() throws {
    var early = Self.article("orig-1")
    early.id = "z-early"
    early.published = "2024-01-01T08:00:00Z"
    var late = Self.article("trim-1")
    late.id = "a-late"
    late.published = "2024-01-02T08:00:00Z"
    late.title = "Later headline"
    let s = try store()
    try s.add([late])
    try s.add([early])
    let stories = try s.storyPage(offset: 0, limit: 10)
    #expect(stories.count == 1)
    #expect(stories.first?.id == StoryID.make(anchor: early.identityKey))
    #expect(stories.first?.title == early.title)
    #expect(StoryGrouper().group([late, early]).map(\.id) == [StoryID.make(anchor: early.identityKey)])
  }

  @Test func aStoryKeepsItsIdWhenAVersionJoins() throws {
    let s = try store()
    try s.add([Self.article("orig-1"), Self.article("trim-1")])
    let before = try #require(try s.allArticles().first { $0.inputID == "orig-1" }?.story)
    try s.add([Self.article("retitled-1")])
    let rows = try s.allArticles()
    #expect(rows.filter { $0.story == before }.count == 3)
    #expect(try s.stats().stories == 1)
  }

  @Test func anInterruptedGroupingIsFinishedByTheNextImport() throws {
    let s = try store()
    let c = Self.collection
    try s.add(Array(c[..<6]), regroup: false)
    #expect(try s.allArticles().allSatisfy { $0.story == nil })
    try s.add(Array(c[6...]))
    let atOnce = try store()
    try atOnce.add(c)
    #expect(try partition(s) == partition(atOnce))
  }
}
