import Foundation
import Synchronization
import Testing

@testable import ParallaxCore

/// Signing a batch once per distinct text.
@Suite struct SigningTests {
  @Test func eachDistinctTextIsSignedOnceAndEveryArticleGetsItsTextsSignature() {
    let texts =
      [
        ("Talks resume", "Negotiators met in Istanbul on Monday.", nil),
        ("Talks resume", "Negotiators met in Istanbul on Tuesday.", nil),
        ("Talks resumed", "Negotiators met in Istanbul on Monday.", nil),
        ("Talks resume", "Negotiators met in Istanbul on Monday.", "de"),
      ] as [(String, String, String?)]
    var articles: [Article] = []
    for copy in 0..<3 {
      for (k, (title, body, language)) in texts.enumerated() {
        var article = Article(id: "a\(k)-\(copy)", title: title, body: body)
        article.language = language
        article.source = "outlet \(copy)"  // not read by a signature
        articles.append(article)
      }
    }
    let calls = Mutex(0)
    let signed = GroupingEngine.signedOncePerText(articles) { article -> String in
      calls.withLock { $0 += 1 }
      return "\(article.title)|\(article.body)|\(article.language ?? "-")"
    }
    #expect(calls.withLock { $0 } == texts.count)
    #expect(signed == articles.map { "\($0.title)|\($0.body)|\($0.language ?? "-")" })
  }

  @Test func sharedSignaturesEqualThoseSignedOneByOne() {
    let articles = (0..<40).map { i in
      Article(
        id: "item-\(i)", title: "Grain ships loading at Portland \(i % 7)",
        body: "There were \(i % 7) grain ships loading at Portland on Monday, port officials said.")
    }
    let prepared = StoryGrouper.preparedSignatures(of: articles, leadTokens: 500)
    for (article, signature) in zip(articles, prepared) {
      let alone = PreparedSignature(HashedSignature(article: article))
      #expect(signature.blob == alone.blob && signature.digest == alone.digest)
    }
  }
}
