/// A fixed list of words (stop words, number words, words that vote for a language), each
/// with a value, looked up by the FNV-1a hash of a word's bytes through a ``KeyIndex`` and
/// confirmed by comparing the word: the lookups reading makes for most tokens of every
/// article, without a `Set`'s or `Dictionary`'s SipHash of the string.
struct WordTable<Value: Sendable>: Sendable {
  private let index: KeyIndex
  private let words: [String]
  private let values: [Value]

  /// The table of `entries`; a word listed twice keeps its first value.
  init(_ entries: some Sequence<(String, Value)>) {
    var index = KeyIndex()
    var words: [String] = []
    var values: [Value] = []
    for (word, value) in entries {
      let next = Int32(words.count)
      let slot = index.value(of: StoryID.fnv1a(word), orInsert: { next })
      if slot == next {
        words.append(word)
        values.append(value)
      } else {
        // Fixed lists: a clash of two words' 64-bit hashes would show in every test run.
        precondition(words[Int(slot)] == word, "\(word) and \(words[Int(slot)]) share an FNV-1a hash")
      }
    }
    (self.index, self.words, self.values) = (index, words, values)
  }

  /// The value of `word`, when listed.
  @inline(__always)
  subscript(word: String) -> Value? {
    guard let slot = index[StoryID.fnv1a(word)], words[Int(slot)] == word else { return nil }
    return values[Int(slot)]
  }
}

extension WordTable where Value == Bool {
  /// A table of `words`, each with the value `true`.
  init(_ words: some Sequence<String>) { self.init(words.lazy.map { ($0, true) }) }

  /// Whether `word` is listed.
  @inline(__always)
  func contains(_ word: String) -> Bool { self[word] != nil }
}
