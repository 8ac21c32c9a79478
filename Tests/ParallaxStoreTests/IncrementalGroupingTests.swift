import Foundation
import ParallaxCore
import ParallaxTestSupport
import Testing

@testable import ParallaxStore

/// Stories built up import by import must equal grouping everything at once.
@Suite struct IncrementalGroupingTests {
  /// The seeds and the grouping fixtures, each with two rewrites (trimmed; retitled and
  /// missing its first paragraph): 12 reports, 36 articles.
  static let collection: [Article] = {
    let folders = [TestSupport.seeds, TestSupport.fixtures.appendingPathComponent("grouping")]
    let originals = ArticleLoader().load(folders.map(\.path)).articles
    var out: [Article] = []
    for (i, a) in originals.enumerated() {
      var paragraphs = a.body.components(separatedBy: "\n\n")
      var original = a
      original.id = "orig-\(i)"
      out.append(original)
      var trimmed = a
      trimmed.id = "trim-\(i)"
      if paragraphs.count > 2 { trimmed.body = paragraphs.dropLast().joined(separator: "\n\n") }
      out.append(trimmed)
      var retitled = a
      retitled.id = "retitled-\(i)"
      retitled.title = "Update: " + a.title
      if paragraphs.count > 2 { paragraphs.removeFirst() }
      retitled.body = paragraphs.joined(separator: "\n\n")
      out.append(retitled)
    }
    return out
  }()

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
    #expect(expected.contains(["orig-0", "trim-0", "retitled-0"]))

    var generator = SplitMix(seed: 7)
    for _ in 0..<3 {
      let incremental = try store()
      for article in Self.collection.shuffled(using: &generator) { try incremental.add([article]) }
      #expect(try partition(incremental) == expected)
      #expect(try incremental.stats().stories == expected.count)
    }
  }

  @Test func batchesEqualAllAtOnceAndAFullRegroup() throws {
    let atOnce = try store()
    try atOnce.add(Self.collection)
    let expected = try partition(atOnce)
    let batched = try store()
    let c = Self.collection
    try batched.add(Array(c[24...]))
    try batched.add(Array(c[..<10]))
    try batched.add(Array(c[10..<24]))
    #expect(try partition(batched) == expected)
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

  /// Each article's story id and title, from the store.
  func naming(_ store: Store) throws -> [String: [String]] {
    let titles = Dictionary(
      uniqueKeysWithValues: try store.storyPage(offset: 0, limit: 10_000).map { ($0.id, $0.title) })
    var out: [String: [String]] = [:]
    for row in try store.allArticles() {
      let story = try #require(row.story, "\(row.inputID) is grouped")
      out[row.inputID] = [story, try #require(titles[story], "story \(story) has a row")]
    }
    return out
  }

  @Test func memoryOneImportAndTenImportsGiveEveryArticleTheSameStoryIdAndTitle() throws {
    var inMemory: [String: [String]] = [:]
    for story in StoryGrouper().group(Self.collection) {
      for member in story.members { inMemory[member.articleID] = [story.id, story.title] }
    }
    #expect(inMemory.count == Self.collection.count)
    #expect(Set(inMemory.values.map { $0[0] }).count < Self.collection.count, "rewrites are grouped")

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
      #expect(try naming(tenImports) == inMemory)
    }
  }

  @Test func aStoryIsNamedAfterItsFirstReport() throws {
    var early = Self.collection[3]
    early.id = "z-early"
    early.published = "2024-01-01T08:00:00Z"
    var late = Self.collection[4]
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
    let c = Self.collection
    try s.add([c[3], c[4]])
    let before = try #require(try s.allArticles().first { $0.inputID == c[3].id }?.story)
    try s.add([c[5]])
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
