/// The shapes of a word list: for each length, which letters (`a`–`z`, one bit each) its
/// words start and end with. Most words of a text are ruled out by their shape before a
/// set or dictionary hashes them (``Stopwords/isEnglish(_:)``, number words). A word whose
/// first or last byte is not a lower-case ASCII letter is never ruled out.
struct WordShapes: Sendable {
  private var first: [UInt32]
  private var last: [UInt32]

  /// The shapes of `words` (lower case).
  init(_ words: some Sequence<String>) {
    let lengths = words.map(\.utf8.count)
    let longest = lengths.max() ?? 0
    first = [UInt32](repeating: 0, count: longest + 1)
    last = [UInt32](repeating: 0, count: longest + 1)
    var all = true
    for word in words {
      let bytes = Array(word.utf8)
      guard let a = bytes.first, let z = bytes.last, Self.isLetter(a), Self.isLetter(z) else {
        all = false
        continue
      }
      first[bytes.count] |= 1 << UInt32(a &- 97)
      last[bytes.count] |= 1 << UInt32(z &- 97)
    }
    // A word of the list that does not start and end with a letter a–z cannot be told by
    // these bits: every shape of its length must then pass.
    if !all {
      for word in words {
        let bytes = Array(word.utf8)
        if let a = bytes.first, let z = bytes.last, Self.isLetter(a), Self.isLetter(z) { continue }
        if !bytes.isEmpty {
          first[bytes.count] = .max
          last[bytes.count] = .max
        }
      }
    }
  }

  /// The length in bytes of the longest word of the list.
  var longest: Int { first.count - 1 }

  /// False when no word of the list has `word`'s length, first and last letter; true when
  /// one may (the list must then be asked).
  @inline(__always)
  func mayContain(_ word: String) -> Bool {
    let utf8 = word.utf8
    let count = utf8.count
    guard count > 0, count < first.count else { return false }
    // The ends read from the string's contiguous bytes (every native string has them).
    let ends = utf8.withContiguousStorageIfAvailable { ($0[0], $0[$0.count - 1]) } ?? (utf8.first!, utf8.last!)
    guard Self.isLetter(ends.0), Self.isLetter(ends.1) else { return first[count] != 0 }
    return first[count] & (1 << UInt32(ends.0 &- 97)) != 0 && last[count] & (1 << UInt32(ends.1 &- 97)) != 0
  }

  @inline(__always)
  private static func isLetter(_ byte: UInt8) -> Bool { byte >= 97 && byte <= 122 }
}
