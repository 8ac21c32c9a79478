import Foundation
import ParallaxTestSupport
import Testing

@testable import ParallaxCore

@Suite struct TextTests {
  @Test(arguments: [
    ("\u{201C}Quoted\u{201D} \u{2018}single\u{2019}", "\"Quoted\" 'single'"),
    ("a \u{2014} b \u{2013} c", "a - b - c"),
    ("\u{FB01}nance \u{FF21}\u{FF22}", "finance AB"),
    ("Cafe\u{0301}", "Caf\u{00E9}"),
    ("  many   spaces\u{00A0}here ", "many spaces here"),
    ("line one\r\nline two", "line one\nline two"),
  ])
  func normalisationFoldsQuotesDashesFormsAndSpaces(input: String, expected: String) {
    #expect(TextNormalizer.normalize(input) == expected)
  }

  /// The Latin-1 shortcut of `TextNormalizer.normalize` gives what NFKC gives: every Latin-1
  /// scalar it passes through is its own NFKC form, alone and after any other.
  @Test func latin1TextSkipsNormalisationOnlyWhereNFKCWouldChangeNothing() {
    for value in UInt32(0x80)..<0x100 {
      let text = String(Character(Unicode.Scalar(value)!))
      let stable = TextNormalizer.isCompatibilityStable(text)
      #expect(stable == (text.precomposedStringWithCompatibilityMapping == text), "U+\(String(value, radix: 16))")
    }
    let mixed = "Â£600m café Ñandú «quoted» naïve ÆØÅ ÿ×÷"
    #expect(TextNormalizer.isCompatibilityStable(mixed))
    #expect(mixed.precomposedStringWithCompatibilityMapping == mixed)
    #expect(!TextNormalizer.isCompatibilityStable("½ cup"))
    #expect(!TextNormalizer.isCompatibilityStable("e\u{301}"))
    #expect(TextNormalizer.normalize("Â£600m\u{A0}for ½") == "Â£600m for 1⁄2")
  }

  /// The shape test before the stop-word and abbreviation sets rules out only words that
  /// are not in them: every word of the seeds, every stop word and abbreviation, and words
  /// of every length and first and last letter agree with the sets themselves.
  @Test func stopWordAbbreviationAndNumberWordShapesRuleOutOnlyOtherWords() throws {
    var words = Set(Stopwords.english).union(Tokenizer.abbreviations).union(ArticleSignature.numberWords.keys)
      .union(Stopwords.latinVotes.keys)
    for article in ArticleLoader().load([TestSupport.seeds.path]).articles {
      for token in Tokenizer.tokenize(TextNormalizer.normalize(article.title + "\n" + article.body)) {
        words.insert(token.text)
      }
    }
    let letters = "abcdefghijklmnopqrstuvwxyz0'é".map(String.init)
    for length in 1...12 {
      for first in letters {
        for last in letters {
          words.insert(length == 1 ? first : first + String(repeating: "e", count: length - 2) + last)
        }
      }
    }
    words.formUnion(["", "é", "the'", "'s", "ü"])
    for word in words {
      #expect(Stopwords.isEnglish(word) == Stopwords.english.contains(word), "\(word)")
      #expect(Tokenizer.isAbbreviation(word) == Tokenizer.abbreviations.contains(word), "\(word)")
      if !ArticleSignature.numberWordShapes.mayContain(word) {
        #expect(ArticleSignature.numberWords[word] == nil, "\(word)")
      }
      if !Stopwords.latinVoteShapes.mayContain(word) { #expect(Stopwords.latinVotes[word] == nil, "\(word)") }
    }
    #expect(Stopwords.english.allSatisfy(Stopwords.isEnglish))
    // A list with words that do not start or end with a letter a–z: those lengths always pass.
    let odd = WordShapes(["'s", "über", "cat", "dog"])
    #expect(odd.mayContain("'s") && odd.mayContain("xy") && odd.mayContain("über") && odd.mayContain("öber"))
    #expect(odd.mayContain("cat") && odd.mayContain("cog") && !odd.mayContain("cap") && !odd.mayContain("bat"))
    #expect(!odd.mayContain("") && !odd.mayContain("horses"))
  }

  @Test func characterCountsAgreeWithCountingCharacters() {
    let texts = ["", "a", "ab", "abcdef", "é", "é", "éa", "日本", "日", "👍🏽", "👍🏽x", "🇺🇦🇺🇦", "NATO", "NATO5", "Ωmega"]
    for text in texts {
      for n in 0...7 { #expect(text.hasCharacters(atLeast: n) == (text.count >= n), "\(text) \(n)") }
    }
  }

  @Test func numbersKeepSeparatorsAndSplitFromUnits() {
    let tokens = Tokenizer.tokenize("About 1,000km (620-mile) and 2.5 pct, 6-3/16.")
    #expect(tokens.filter(\.isNumber).map(\.text) == ["1000", "620", "2.5", "6", "3/16"])
    #expect(tokens.map(\.text).contains("km"))
  }

  @Test func sentenceOpenersAreMarkedSoTheyAreNotNames() {
    let tokens = Tokenizer.tokenize("The talks ended. Peskov spoke to Dr. Elena Petrova in Istanbul.")
    let starts = tokens.filter(\.startsSentence).map(\.original)
    #expect(starts == ["The", "Peskov"])
    let signature = ArticleSignature(text: "The talks ended. Peskov spoke to Dr. Elena Petrova in Istanbul.")
    #expect(Set(signature.names.values) == ["Elena", "Petrova", "Istanbul"])
  }

  /// A headline in capitals says nothing about names: its words are names where the text
  /// writes them as names, words where the text writes them in lower case; a word the text
  /// never repeats is judged as before (short all-caps words can be acronyms).
  @Test func aShoutedHeadlineNamesOnlyWhatTheTextNames() {
    let signature = ArticleSignature(
      article: Article(
        id: "1", title: "FED ADDS RESERVES VIA CUSTOMER REPURCHASES AT REED",
        body: "The Federal Reserve entered the government securities market to supply reserves via "
          + "customer repurchase agreements, a Fed spokesman said. Reed said reserves were ample."),
      leadTokens: 500)
    let names = Set(signature.names.keys)
    #expect(!names.contains("N:via"))
    #expect(!names.contains("N:customer"))
    #expect(names.contains("N:reed"))
    #expect(names.contains("N:fed"))
    #expect(names.contains("N:adds"))
    #expect(signature.leadTerms.contains("N:reed"))
    // In mixed case, capitals still mark names.
    let mixed = ArticleSignature(text: "The talks ended. Reporters met Reed via Zoom.")
    #expect(Set(mixed.names.values) == ["Reed", "Zoom"])
  }

  @Test func sentencesSplitAtEndsButNotAtAbbreviationsOrInitials() {
    let s = SentenceSplitter.sentences(
      in: "Sen. Barack Obama, D-Ill., spoke. \"It works,\" he said! J. Smith agreed? Yes.")
    #expect(s == ["Sen. Barack Obama, D-Ill., spoke.", "\"It works,\" he said!", "J. Smith agreed?", "Yes."])
  }

  @Test func stemmingMatchesInflections() {
    #expect(Stemmer.stem("talks") == Stemmer.stem("talk"))
    #expect(Stemmer.stem("warned") == "warn")
    #expect(Stemmer.stem("bus") == "bus")
  }

  @Test func storyIDsUseFixedFNV1a() {
    #expect(StoryID.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
    #expect(StoryID.make(anchor: "a") == "saf63dc4c8601ec8c")
  }
}
