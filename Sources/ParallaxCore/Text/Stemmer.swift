/// A light suffix stripper: enough to match "talks"/"talk", "warned"/"warning" and
/// "secure"/"securing" in paraphrases, without the over-stemming that merges unrelated words.
public enum Stemmer {
  static let suffixes: [[UInt8]] = ["ingly", "edly", "ing", "ed", "es", "s", "ly"].map { Array($0.utf8) }

  /// The stem of a lower-cased word. Words of four letters or fewer beyond a suffix are kept;
  /// a final silent "e" and a doubled final consonant left by the suffix are removed
  /// ("securing", "secure" → "secur"; "stopping" → "stop").
  public static func stem(_ word: String) -> String {
    var word = word
    return word.withUTF8 { bytes -> String in
      var end = bytes.count
      for suffix in suffixes where end > suffix.count + 3 {
        if bytes[(end - suffix.count)..<end].elementsEqual(suffix) {
          end -= suffix.count
          break
        }
      }
      if end > 4, bytes[end - 1] == UInt8(ascii: "e") { end -= 1 }
      if end > 4, bytes[end - 1] == bytes[end - 2], isConsonant(bytes[end - 1]), bytes[end - 1] != UInt8(ascii: "s"),
        bytes[end - 1] != UInt8(ascii: "l")
      {
        end -= 1
      }
      return end == bytes.count
        ? String(decoding: bytes, as: UTF8.self) : String(decoding: bytes[..<end], as: UTF8.self)
    }
  }

  static func isConsonant(_ b: UInt8) -> Bool {
    b >= 97 && b <= 122 && b != 97 && b != 101 && b != 105 && b != 111 && b != 117 && b != 121
  }
}
