import Foundation
import Testing

@testable import ParallaxCore

/// A quotation one version lacks says two separate things: whether the other version has
/// it at all (`absentFromOther`), and whether its own paragraph names who said it
/// (`unattributed`). The 0.1 field `unsourced` is still written, as `absentFromOther`.
@Suite struct QuoteAttributionTests {
  func onlyLeftQuotes(_ left: String, _ right: String) -> [Facts.Quote] {
    let a = Article(id: "a", title: "Plant opens", body: left)
    let b = Article(id: "b", title: "Plant opens", body: right)
    return Comparator().compare(a, b).onlyLeft.quotes
  }

  let otherSide = "The company opened its new plant in Lyon on Monday, hiring 300 workers."

  @Test func aQuoteWithANamedSpeakerIsAttributedEvenWhenTheOtherVersionLacksIt() throws {
    let quotes = onlyLeftQuotes(
      otherSide + "\n\n\"We expect the plant to double our output by spring,\" said Maria Olsen, the chief executive.",
      otherSide)
    let quote = try #require(quotes.first)
    #expect(quote.absentFromOther)
    #expect(!quote.unattributed)
  }

  @Test func aQuoteWithOnlyAPronounOrAnAnonymousSpokespersonIsUnattributed() throws {
    for frame in [
      "\"We expect the plant to double our output by spring,\" he said.",
      "A spokesperson said: \"We expect the plant to double our output by spring.\"",
    ] {
      let quotes = onlyLeftQuotes(otherSide + "\n\n" + frame, otherSide)
      let quote = try #require(quotes.first, "\(frame)")
      #expect(quote.unattributed, "\(frame)")
      #expect(quote.absentFromOther)
    }
  }

  @Test func theSpeakerMayComeFirstOrThroughAccordingTo() throws {
    for frame in [
      "Olsen told reporters: \"We expect the plant to double our output by spring.\"",
      "\"We expect the plant to double our output by spring,\" according to Maria Olsen.",
    ] {
      let quote = try #require(onlyLeftQuotes(otherSide + "\n\n" + frame, otherSide).first, "\(frame)")
      #expect(!quote.unattributed, "\(frame)")
    }
  }

  @Test func jsonCarriesTheNewFieldsAndTheOldNameForOneRelease() throws {
    let quote = Facts.Quote(text: "We expect", absentFromOther: true, unattributed: false)
    let json = String(decoding: try JSONEncoder().encode(quote), as: UTF8.self)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["absentFromOther"] as? Bool == true)
    #expect(object["unattributed"] as? Bool == false)
    #expect(object["unsourced"] as? Bool == true)
    // Old JSON (0.1) still reads.
    let old = try JSONDecoder().decode(Facts.Quote.self, from: Data(#"{"text":"x","unsourced":false}"#.utf8))
    #expect(old == Facts.Quote(text: "x", absentFromOther: false, unattributed: false))
  }
}
