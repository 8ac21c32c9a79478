/// A light suffix stripper: enough to match "talks"/"talk", "warned"/"warning" and
/// "secure"/"securing" in paraphrases, without the over-stemming that merges unrelated words.
public enum Stemmer {
  static let suffixes = ["ingly", "edly", "ing", "ed", "es", "s", "ly"]

  /// The stem of a lower-cased word. Words of four letters or fewer beyond a suffix are kept;
  /// a final silent "e" and a doubled final consonant left by the suffix are removed
  /// ("securing", "secure" → "secur"; "stopping" → "stop").
  public static func stem(_ word: String) -> String {
    var bytes = Array(word.utf8)
    for suffix in suffixes where bytes.count > suffix.utf8.count + 3 && word.hasSuffix(suffix) {
      bytes.removeLast(suffix.utf8.count)
      break
    }
    if bytes.count > 4, bytes.last == UInt8(ascii: "e") { bytes.removeLast() }
    if bytes.count > 4, let last = bytes.last, last == bytes[bytes.count - 2], isConsonant(last),
      last != UInt8(ascii: "s"), last != UInt8(ascii: "l")
    {
      bytes.removeLast()
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  static func isConsonant(_ b: UInt8) -> Bool {
    b >= 97 && b <= 122 && !"aeiouy".utf8.contains(b)
  }
}
