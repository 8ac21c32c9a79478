import Foundation
import ParallaxCore
import Testing

@testable import ParallaxStore

/// Stories built up import by import must equal grouping everything at once.
@Suite struct IncrementalGroupingTests {
  /// The seeds and the grouping fixtures, each with two rewrites (trimmed; retitled and
  /// missing its first paragraph): 12 reports, 36 articles.
  static let collection: [Article] = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let folders = [
      root.appendingPathComponent("seeds"), root.appendingPathComponent("Tests/ParallaxCoreTests/Fixtures/grouping"),
    ]
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
    try Store(
      path: FileManager.default.temporaryDirectory.appendingPathComponent("px-inc-\(UUID().uuidString)/s.sqlite").path)
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
    #expect(expected.contains(["orig-0", "trim-0", "retitled-0"]) || expected.contains { $0.contains("orig-0") })

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

/// A small seeded generator, so shuffles are the same on every run.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
