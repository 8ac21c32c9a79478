import Foundation
import ParallaxTestSupport
import Testing

@testable import ParallaxCore

@Suite struct ComparatorTests {
  static let cases = ["reordered", "split", "identical-furniture"]

  func article(_ path: URL) throws -> Article {
    try #require(ArticleLoader().load([path.path]).articles.first)
  }

  func seed(_ prefix: String) throws -> Article {
    try #require(ArticleLoader().load([TestSupport.seeds.path]).articles.first { $0.id.hasPrefix(prefix) })
  }

  /// A row as written in expected.txt: `left:right[:kind]`.
  func describe(_ row: ComparisonRow) -> String {
    let l = row.leftParagraphs.isEmpty ? "-" : row.leftParagraphs.map(String.init).joined(separator: ",")
    let r = row.rightParagraphs.isEmpty ? "-" : row.rightParagraphs.map(String.init).joined(separator: ",")
    return "\(l):\(r)"
  }

  @Test(arguments: cases)
  func pairedFixturesAlignAsExpected(name: String) throws {
    let folder = TestSupport.fixtures.appendingPathComponent("comparison/\(name)")
    let comparison = Comparator().compare(
      try article(folder.appendingPathComponent("case_1.txt")), try article(folder.appendingPathComponent("case_2.txt"))
    )
    let expected = try String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
      .split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
    let actual = comparison.rows.map { row -> String in
      let base = describe(row)
      let line = expected.first { $0 == base || $0.hasPrefix(base + ":") }
      return line?.hasPrefix(base + ":") == true ? base + ":" + row.kind.rawValue : base
    }
    #expect(actual == expected)
  }

  @Test func aRowJoiningParagraphsKeepsTheBreakBetweenThem() throws {
    let folder = TestSupport.fixtures.appendingPathComponent("comparison/split")
    let comparison = Comparator().compare(
      try article(folder.appendingPathComponent("case_1.txt")), try article(folder.appendingPathComponent("case_2.txt"))
    )
    let row = try #require(comparison.rows.first { $0.rightParagraphs == [1, 2] })
    #expect(row.rightSpans.contains { $0.text.contains(WordDiff.paragraphBreak) })
    #expect(!row.leftSpans.contains { $0.text.contains(WordDiff.paragraphBreak) })
  }

  @Test func seed003And004CounterpartsArePairedAcrossTheReordering() throws {
    let comparison = Comparator().compare(try seed("003"), try seed("004"))
    func rowHolding(left: String) -> ComparisonRow? { comparison.rows.first { $0.left?.contains(left) == true } }
    let pairs = [
      ("settlement of Varachyne", "taken control of Varachyne"),
      ("shelling of the southern Ukrainian city of Kherson", "shelling attack in Kherson"),
      ("outlined his country", "emphasized Ukraine"),
      ("led by Defence Minister Rustem Umerov, arrived in Ankara", "arrived in Ankara"),
      ("Peskov warning", "No one is expecting an easy road"),
    ]
    for (left, right) in pairs {
      let row = try #require(rowHolding(left: left), "no row holds \(left)")
      #expect(row.right?.contains(right) == true, "\(left) is paired with \(row.right ?? "nothing")")
    }
    #expect(comparison.rows.contains { $0.kind == .moved })
    #expect(comparison.rows.contains { $0.kind == .rightOnly && $0.right == "Fighting Goes On" })
  }

  @Test func seed003And004OnlyOneSideFactsAreReported() throws {
    let comparison = Comparator().compare(try seed("003"), try seed("004"))
    let right = comparison.onlyRight
    let left = comparison.onlyLeft
    #expect(right.numbers.contains { $0.text.hasPrefix("45 out of 71 drones") })
    #expect(right.names.contains { $0.contains("Medinsky") })
    let road = try #require(right.quotes.first { $0.text.hasPrefix("No one is expecting an easy road") })
    #expect(road.absentFromOther)
    #expect(left.numbers.contains { $0.text.hasPrefix("1,000km") })
    #expect(left.attributions.contains { $0.contains("dpa") })
    #expect(left.names.contains("Rory Challands"))
    #expect(left.quotes.contains { $0.text.hasPrefix("be especially productive") && $0.absentFromOther })
    #expect(right.attributions.contains { $0.hasPrefix("Edited and published by Veritas Global News") })
    // Facts both carry are not reported.
    #expect(!left.numbers.contains { $0.text.contains("66-year-old") })
    #expect(!right.names.contains { $0.contains("Peskov") })
  }

  static func allSeedPairs() -> [(String, String)] {
    let ids = ["000", "001", "002", "003", "004"]
    return ids.flatMap { a in ids.filter { $0 != a }.map { (a, $0) } }
  }

  @Test(arguments: allSeedPairs())
  func everyParagraphAppearsOnceAndInOrder(a: String, b: String) throws {
    let left = try seed(a)
    let right = try seed(b)
    let rows = Comparator().compare(left, right).rows
    let leftIndices = rows.flatMap(\.leftParagraphs)
    #expect(leftIndices == Array(left.paragraphs.indices))
    #expect(rows.flatMap(\.rightParagraphs).sorted() == Array(right.paragraphs.indices))
    let inPlaceRight = rows.filter { $0.kind != .moved }.flatMap(\.rightParagraphs)
    #expect(inPlaceRight == inPlaceRight.sorted())
    for row in rows {
      switch row.kind {
      case .leftOnly: #expect(row.right == nil && row.left != nil)
      case .rightOnly: #expect(row.left == nil && row.right != nil)
      default: #expect(row.left != nil && row.right != nil)
      }
    }
  }

  @Test(arguments: ["000", "001", "002", "003", "004"])
  func anArticleAgainstItselfIsAllSame(id: String) throws {
    let a = try seed(id)
    let comparison = Comparator().compare(a, a)
    #expect(comparison.rows.allSatisfy { $0.kind == .same })
    #expect(comparison.rows.count == a.paragraphs.count)
    #expect(comparison.onlyLeft.isEmpty && comparison.onlyRight.isEmpty)
  }

  @Test(arguments: allSeedPairs())
  func swappingSidesMirrorsTheResult(a: String, b: String) throws {
    let x = try seed(a)
    let y = try seed(b)
    let forward = Comparator().compare(x, y)
    let backward = Comparator().compare(y, x)
    func pairs(_ c: Comparison, swap: Bool) -> Set<String> {
      Set(
        c.rows.filter { $0.left != nil && $0.right != nil }.map {
          swap ? "\($0.rightParagraphs):\($0.leftParagraphs)" : "\($0.leftParagraphs):\($0.rightParagraphs)"
        })
    }
    #expect(pairs(forward, swap: false) == pairs(backward, swap: true))
    #expect(
      forward.rows.filter { $0.kind == .leftOnly }.flatMap(\.leftParagraphs).sorted()
        == backward.rows.filter { $0.kind == .rightOnly }.flatMap(\.rightParagraphs).sorted())
    #expect(forward.onlyLeft == backward.onlyRight)
    #expect(forward.onlyRight == backward.onlyLeft)
  }

  @Test func wordDiffMarksInsertedAndDeletedWordsIgnoringCaseAndQuoteStyle() {
    let (l, r) = WordDiff.diff(
      "Peskov said talks were \u{201C}very difficult\u{201D}.", "Peskov told reporters talks were \"very difficult\"")
    #expect(
      l == [
        WordSpan(text: "Peskov", op: .equal), WordSpan(text: "said", op: .delete),
        WordSpan(text: "talks were \u{201C}very difficult\u{201D}.", op: .equal),
      ])
    #expect(
      r == [
        WordSpan(text: "Peskov", op: .equal), WordSpan(text: "told reporters", op: .insert),
        WordSpan(text: "talks were \"very difficult\"", op: .equal),
      ])
  }

  @Test func paraphraseProbabilityRanksParaphrasesAboveUnrelatedSentences() {
    let similarity = SentenceSimilarity(collection: [])
    let close = similarity.score(
      "Russia's military claimed on Wednesday that its forces had taken control of Varachyne.",
      "On Wednesday, Russia's Defence Ministry said its forces had captured the settlement of Varachyne.")
    let far = similarity.score(
      "Russia's military claimed on Wednesday that its forces had taken control of Varachyne.",
      "The World Health Organization reports 703 attacks on healthcare facilities.")
    #expect(close > far)
    #expect(far < SentenceSimilarity.paraphraseThreshold)
  }
}
