import Foundation
import ParallaxTestSupport
import Testing

@testable import ParallaxCore

/// ``FactPrint`` tells a rewrite, which restates the facts it keeps, from a follow-up, which
/// reports new numbers and new quotations, on hashed signatures alone.
@Suite struct FactPrintTests {
  func print(_ title: String, _ body: String) -> FactPrint {
    let article = Article(id: title, title: title, body: body)
    let leadTokens = GroupingParameters.default.leadTokens
    return FactPrint(signature: HashedSignature(ArticleSignature(article: article, leadTokens: leadTokens)))
  }

  static let report = """
    Acme Corp said quarterly profit rose 12% to $5.2bn, helped by sales of 340,000 cars in Asia.

    "We are delighted with the growth in every region," chief executive Jane Smith said.
    """

  @Test func aRewriteAddsNothing() {
    let original = print("Acme profit rises", Self.report)
    let rewrite = print(
      "Acme beats forecasts",
      """
      Strong Asian demand, with 340,000 cars sold, lifted Acme Corp's profit by 12% to $5.2bn in the quarter.

      Jane Smith, the chief executive, said: "We are delighted with the growth in every region."
      """)
    let shares = FactPrint.newShares(original, rewrite)
    #expect(shares.first == 0)
    #expect(shares.second == 0)
    #expect(original.added(over: rewrite).facts == 4)  // three numbers, one quotation
  }

  @Test func aFollowUpAddsItsNewNumbersAndQuotations() {
    let original = print("Acme profit rises", Self.report)
    let followUp = print(
      "Acme to cut 1,500 jobs",
      """
      Acme Corp will cut 1,500 jobs and close two plants by 2027, a month after it reported a 12% rise in profit.

      "This is a painful but necessary decision for our future," Jane Smith told staff on Monday.
      """)
    let added = followUp.added(over: original)
    #expect(added.added == 3)  // 1,500, 2027 and the new quotation; 12 is known
    #expect(added.facts == 4)
    #expect(FactPrint.newShares(followUp, original).first == 0.75)
  }

  @Test func aQuotationCutShortOrRepunctuatedIsStillTheSameQuotation() {
    let original = print("Acme profit rises", Self.report)
    let trimmed = print("Acme", #"Smith said the firm was "delighted with the growth.""#)
    #expect(trimmed.added(over: original).added == 0)
  }

  /// The seeds: 003 and 004 (one report rewritten) keep more of each other's facts than any
  /// two of the follow-ups do; the engine's version test relies on this order.
  @Test func seedVersionsShareMoreFactsThanSeedFollowUps() throws {
    let articles = ArticleLoader().load([TestSupport.seeds.path]).articles.sorted { $0.id < $1.id }
    try #require(articles.count == 5)
    let leadTokens = GroupingParameters.default.leadTokens
    let prints = articles.map {
      FactPrint(signature: HashedSignature(ArticleSignature(article: $0, leadTokens: leadTokens)))
    }
    func smallerShare(_ a: Int, _ b: Int) -> Double {
      let s = FactPrint.newShares(prints[a], prints[b])
      return min(s.first, s.second)
    }
    let versions = smallerShare(3, 4)
    #expect(versions <= 0.35)
    for a in 0..<5 {
      for b in (a + 1)..<5 where (a, b) != (3, 4) {
        #expect(smallerShare(a, b) > versions + 0.2, "seeds \(a) and \(b)")
      }
    }
  }
}
