/// A light suffix stripper: enough to match "talks"/"talk" and "warned"/"warning" in
/// paraphrases, without the over-stemming that merges unrelated words.
public enum Stemmer {
  static let suffixes = ["ingly", "edly", "ing", "ed", "es", "s", "ly"]

  /// The stem of a lower-cased word. Words of four letters or fewer beyond a suffix are kept.
  public static func stem(_ word: String) -> String {
    let count = word.utf8.count
    for suffix in suffixes where count > suffix.utf8.count + 3 && word.hasSuffix(suffix) {
      return String(word.utf8.dropLast(suffix.utf8.count))!
    }
    return word
  }
}
