/// Scripts written without spaces between words (Han, kana, Hangul, Thai and its neighbours),
/// which the tokenizer segments as a search engine does: a run of them becomes overlapping
/// pairs of characters ("佩斯科夫" gives "佩斯", "斯科", "科夫"; Lucene's CJK analyzer), so
/// that a word of two or more characters inside running text is found and matched. One
/// segmentation serves grouping, comparison, facts and the search index.
public enum UnspacedScript {
  /// Whether a scalar belongs to a script written without spaces between words.
  @inline(__always)
  public static func contains(_ value: UInt32) -> Bool {
    switch value {
    case 0x0E00...0x0EFF: return true  // Thai, Lao
    case 0x1000...0x109F: return true  // Myanmar
    case 0x1780...0x17FF: return true  // Khmer
    case 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xAC00...0xD7FF: return true  // Hangul
    case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: return true  // Hiragana, Katakana
    case 0x3005, 0x3007, 0x303B: return true  // 々 〇 〻
    case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: return true  // Han
    default: return false
    }
  }

  /// The byte ranges of the segments of one run of unspaced scalars that start at `starts`
  /// (each scalar's first byte, increasing) and end at `end`: overlapping pairs, or the one
  /// scalar of a run of one.
  public static func segments(starts: [Int], end: Int) -> [Range<Int>] {
    guard starts.count > 1 else { return starts.isEmpty ? [] : [starts[0]..<end] }
    return (0..<(starts.count - 1)).map { k in starts[k]..<(k + 2 < starts.count ? starts[k + 2] : end) }
  }
}
