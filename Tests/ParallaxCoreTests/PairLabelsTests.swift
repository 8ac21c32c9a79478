import Foundation
import ParallaxTestSupport
import Testing

/// The labelled pair sets under `Tests/Labels/` stay readable by `parallax-bench pairs`: every
/// line two ids, a known label and how it was drawn; no pair twice; and, where the research
/// corpora are beside the repository, every id an article of them.
@Suite struct PairLabelsTests {
  static let labels = TestSupport.repository.appendingPathComponent("Tests/Labels/two-level-pairs.tsv")
  static let corpora = TestSupport.repository.appendingPathComponent("../shared/data/corpus")

  static func rows() throws -> [[String]] {
    try String(contentsOf: labels, encoding: .utf8).split(separator: "\n")
      .filter { !$0.hasPrefix("#") }
      .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
  }

  @Test func everyLineIsTwoIdsALabelAndADraw() throws {
    let rows = try Self.rows()
    #expect(rows.count >= 300)
    var seen = Set<String>()
    for row in rows {
      // A fifth column marks a label changed on a re-read ("re-read DATE, was LABEL").
      #expect(row.count == 4 || (row.count == 5 && row[4].hasPrefix("re-read ")), "\(row)")
      guard row.count >= 4 else { continue }
      #expect(["same", "follow-up", "different"].contains(row[2]), "\(row)")
      #expect(["joined", "near", "low", "joined-high", "kept", "kept-near"].contains(row[3]), "\(row)")
      #expect(row[0] != row[1])
      let key = [row[0], row[1]].sorted().joined(separator: " ")
      #expect(seen.insert(key).inserted, "pair listed twice: \(key)")
    }
    // Both corpora, all three labels.
    for prefix in ["bbc-", "reuters-"] {
      let part = rows.filter { $0[0].hasPrefix(prefix) && $0[1].hasPrefix(prefix) }
      #expect(part.count >= 150, "\(prefix)")
      #expect(Set(part.map { $0[2] }) == ["same", "follow-up", "different"], "\(prefix)")
    }
  }

  @Test func everyIdIsAnArticleOfItsCorpusWhenTheCorporaAreHere() throws {
    var ids = Set<String>()
    for name in ["bbc2005.jsonl", "reuters21578.jsonl"] {
      let url = Self.corpora.appendingPathComponent(name)
      guard let text = try? String(contentsOf: url, encoding: .utf8) else { return }  // ../shared absent
      for line in text.split(separator: "\n") {
        if let data = line.data(using: .utf8),
          let object = try JSONSerialization.jsonObject(with: data) as? [String: Any], let id = object["id"] as? String
        {
          ids.insert(id)
        }
      }
    }
    for row in try Self.rows() where row.count >= 2 {
      #expect(ids.contains(row[0]) && ids.contains(row[1]), "\(row)")
    }
  }
}
