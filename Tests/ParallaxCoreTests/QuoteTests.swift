import Testing

@testable import ParallaxCore

/// Quotations as facts read them (``FactExtractor/quotes(in:)``): double-quoted spans, and
/// single-quoted spans of two or more words, whatever the script around them.
struct QuoteTests {
  @Test func doubleAndSingleQuotedSpansAreFoundNotApostrophes() {
    let text =
      "He called it a 'loan-for-oil deal' today, and \"this is fine, \" she said; l'été, 'à la carte menu' and ONGC's 'one'."
    #expect(FactExtractor.quotes(in: text) == ["this is fine", "loan-for-oil deal", "à la carte menu"])
  }

  @Test func anUnclosedMarkAndTextWithoutMarksGiveNothing() {
    #expect(FactExtractor.quotes(in: "He said \"nothing more").isEmpty)
    #expect(FactExtractor.quotes(in: "Песков заявил, что переговоры продолжатся.").isEmpty)
    #expect(FactExtractor.quotes(in: "'Дмитрий Песков' сказал") == ["Дмитрий Песков"])
  }
}
