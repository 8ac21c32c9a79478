import ParallaxTestSupport
import Testing

@testable import ParallaxCore

/// The open-addressing map grouping looks terms, ids and pairs up in, against a `Dictionary`.
@Suite struct KeyIndexTests {
  @Test func holdsWhatADictionaryHoldsThroughEveryGrowth() {
    var random = SplitMix(seed: 11)
    var index = KeyIndex()
    var reference = [UInt64: Int32]()
    // Random keys, sequential ids and packed pairs (the three kinds grouping uses), with
    // repeats, through many doublings of the table.
    var keys: [UInt64] = (0..<20_000).map { _ in random.next() }
    keys += (0..<5_000).map { UInt64($0) }
    keys += (0..<5_000).map { UInt64($0 % 70) << 32 | UInt64($0 / 70) }
    keys += keys.prefix(3_000)
    for key in keys {
      let next = Int32(reference.count)
      let value = index.value(of: key, orInsert: { next })
      if let held = reference[key] {
        #expect(value == held)
      } else {
        #expect(value == next)
        reference[key] = next
      }
    }
    #expect(index.count == reference.count)
    for (key, value) in reference { #expect(index[key] == value) }
    for _ in 0..<2_000 {
      let key = random.next()
      #expect(index[key] == reference[key])
    }
  }

  @Test func theZeroKeyAndTheLargestAreKeysLikeAnyOther() {
    var index = KeyIndex(capacity: 1)
    #expect(index[0] == nil)
    #expect(index.value(of: 0, orInsert: { 7 }) == 7)
    #expect(index.value(of: .max, orInsert: { 8 }) == 8)
    #expect(index.value(of: 0, orInsert: { 9 }) == 7)
    #expect(index[0] == 7 && index[.max] == 8 && index[1] == nil && index.count == 2)
  }

  @Test func keysThatShareTheirLowBitsStillSpread() {
    // Term hashes chosen to agree in their low 32 bits (as an author could choose words)
    // still find their own values.
    var index = KeyIndex()
    for k in 0..<10_000 { _ = index.value(of: UInt64(k) << 32 | 0xdead_beef, orInsert: { Int32(k) }) }
    #expect((0..<10_000).allSatisfy { index[UInt64($0) << 32 | 0xdead_beef] == Int32($0) })
  }

  @Test func aTermTableNumbersHashesInOrderOfFirstAppearance() {
    var table = TermTable(capacity: 2)
    let hashes: [UInt64] = [42, 7, 42, 99, 7, 1 << 63]
    #expect(hashes.map { table.id($0) } == [0, 1, 0, 2, 1, 3])
    #expect(table.hashes == [42, 7, 99, 1 << 63])
    #expect(table.existing(99) == 2 && table.existing(5) == nil)
    #expect(table.ranks() == [1, 0, 2, 3])
  }
}

/// The word lists reading looks up, as ``WordTable``s.
@Suite struct WordTableTests {
  @Test func findsEveryListedWordAndNothingElse() {
    let table = WordTable(["the", "of", "und", "которые", "في", "the"])
    for word in ["the", "of", "und", "которые", "في"] { #expect(table.contains(word), "\(word)") }
    for word in ["", "th", "thee", "The", "und ", "котор", "فيه"] { #expect(!table.contains(word), "\(word)") }
  }

  @Test func givesTheFirstValueOfAWordListedTwice() {
    let table = WordTable([("one", 1), ("two", 2), ("one", 3)])
    #expect(table["one"] == 1 && table["two"] == 2 && table["three"] == nil)
  }

  @Test func theStopListsAnswerAsTheirSetsDo() {
    for word in Stopwords.english { #expect(Stopwords.isEnglish(word), "\(word)") }
    for (language, words) in Stopwords.byLanguage {
      for word in words { #expect(language.isStopword(word), "\(language) \(word)") }
      #expect(!language.isStopword("parallax"))
    }
    for (word, languages) in Stopwords.latinVotes { #expect(Stopwords.latinVoteTable[word] == languages) }
    for (word, value) in ArticleSignature.numberWords { #expect(ArticleSignature.numberWordTable[word] == value) }
    #expect(!Stopwords.isEnglish("parallax") && Stopwords.latinVoteTable["parallax"] == nil)
  }
}
