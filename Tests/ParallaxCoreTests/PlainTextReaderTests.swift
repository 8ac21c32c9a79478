import Foundation
import ParallaxTestSupport
import Testing

@testable import ParallaxCore

@Suite struct PlainTextReaderTests {
  func seed(_ prefix: String) throws -> Article {
    let loaded = ArticleLoader().load([TestSupport.seeds.path])
    return try #require(loaded.articles.first { $0.id.hasPrefix(prefix) })
  }

  @Test func theFirstNonEmptyLineIsTheTitle() throws {
    let article = try #require(PlainTextReader.read("\n\n  Headline here \nBody one.\nBody two.", id: "x"))
    #expect(article.title == "Headline here")
    #expect(article.paragraphs == ["Body one.", "Body two."])
  }

  @Test func shareCountersAndLeaveAReplyAreDroppedFromSeed003() throws {
    let article = try seed("003")
    #expect(!article.paragraphs.contains("0"))
    #expect(!article.paragraphs.contains("38"))
    #expect(!article.body.contains("Leave a Reply"))
    #expect(article.paragraphs.first?.hasPrefix("A Ukrainian delegation") == true)
  }

  @Test func languagePickerSeeMoreAndCommentPromptsAreDroppedFromSeed001() throws {
    let article = try seed("001")
    #expect(!article.body.contains("See more BBC Express News"))
    #expect(!article.body.contains("Leave a Comment"))
    #expect(!article.body.contains("en English"))
    // The near-duplicate subtitle is text, not a repeated title.
    #expect(
      article.paragraphs.first == "Pivotal Negotiations: Russia and Ukraine Prepare for Historic Face-to-Face Talks")
  }

  @Test func separatorLineAndRepeatedTitleAreDroppedFromSeed002() throws {
    let article = try seed("002")
    #expect(!article.paragraphs.contains("|"))
    #expect(!article.paragraphs.contains(article.title))
    #expect(article.paragraphs[1] == "Ukraine's Readiness for Peace Negotiations")
  }

  @Test func attributionLineBecomesMetadataAndCommentsIsDroppedInSeed004() throws {
    let article = try seed("004")
    #expect(
      article.attributions == ["\"Edited and published by Veritas Global News to maintain accuracy and originality\""])
    #expect(!article.body.contains("Edited and published"))
    #expect(article.paragraphs.last?.hasPrefix("In other developments") == true)
    #expect(article.paragraphs.contains("Fighting Goes On"))
  }

  @Test(arguments: [
    ("Leave a Reply", PageFurniture.LineKind.furniture), ("Comments", .furniture), ("0", .furniture),
    ("38", .furniture), (" | ", .furniture), ("en English", .furniture), ("See more BBC Express News", .furniture),
    ("Edited and published by Veritas Global News", .attribution),
    ("(Reporting by Jane Doe; Editing by Bob Roe)", .attribution),
    ("Fighting Goes On", .text), ("45 out of 71 drones were intercepted.", .text), ("2024", .furniture),
  ])
  func linesAreClassified(line: String, kind: PageFurniture.LineKind) {
    #expect(PageFurniture.classify(line) == kind)
  }

  @Test func hardWrappedNewswireIsReflowedIntoParagraphs() {
    let text = """
      Showers continued throughout the week in
      the Bahia cocoa zone, alleviating the drought since early
      January and improving prospects for the coming temporao.
          The dry period means the temporao will be late this year
      and arrivals for the week were lower than expected by traders.
      """
    #expect(Paragraphs.split(text).count == 2)
    #expect(Paragraphs.split(text)[0].hasSuffix("coming temporao."))
  }
}
