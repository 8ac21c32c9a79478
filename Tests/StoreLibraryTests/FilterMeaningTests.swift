import Foundation
import ParallaxApp
import ParallaxCore
import ParallaxStore
import ParallaxTestSupport
import StoreLibrary
import Testing

/// A filter means one thing whether the store or a list read into memory (`--no-store`)
/// answers it: whole words, case and accents folded (review defect 7 of issue 24: in memory
/// `port` matched "report").
@Suite struct FilterMeaningTests {
  static let articles: [Article] = [
    Article(
      id: "a", title: "Port strike ends", body: "Dockers at the port of Rotterdam returned to work.", source: "Wire"),
    Article(id: "b", title: "Annual report", body: "The company will report its results on Monday.", source: "Wire"),
    Article(
      id: "c", title: "Vinícius scores twice", body: "Real Madrid beat Barcelona in the Clásico.", source: "Sport"),
    Article(id: "d", title: "会谈", body: "克里姆林宫发言人佩斯科夫说，双方将继续会谈。", source: "新华社"),
    Article(id: "e", title: "Peace talks", body: "Peace talks resume in Istanbul on Friday.", source: "Wire"),
  ]

  @Test(arguments: [
    ("port", 1), ("report", 1), ("PORT", 1), ("repo", 0), ("vinicius", 1), ("clasico", 1), ("佩斯科夫", 1),
    ("斯科", 1), ("佩科", 0), ("\"peace talks\"", 1), ("\"talks peace\"", 0), ("port OR report", 2),
    ("rotterdam dockers", 1),
  ])
  func aFilterMeansOneThingInTheStoreAndInMemory(filter: String, expected: Int) throws {
    let query = try StoryQuery(parsing: filter)
    let store = try Store(path: TestSupport.temporaryStorePath())
    try store.add(Self.articles)
    let inStore = try store.storyCount(view: StoryView(query: query))
    let memory = MemoryLibrary(articles: Self.articles, stories: StoryGrouper().group(Self.articles))
    memory.setFilter(ListFilter(query: query))
    #expect(inStore == expected, "\(filter) in the store")
    #expect(memory.storyCount == expected, "\(filter) in memory")
  }
}
