/// Stable, process-independent story identifiers (FNV-1a 64-bit; never Swift's seeded `Hasher`).
public enum StoryID {
  static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
  static let prime: UInt64 = 0x0000_0100_0000_01b3

  /// FNV-1a 64 of the UTF-8 bytes of `text`.
  public static func fnv1a(_ text: String) -> UInt64 { fnv1a(text, continuing: offsetBasis) }

  /// FNV-1a 64 of the bytes already hashed into `hash` followed by `text`'s: the hash of a
  /// concatenation without building it.
  @inline(__always)
  static func fnv1a(_ text: String, continuing hash: UInt64) -> UInt64 {
    var text = text
    return text.withUTF8 { bytes in
      var hash = hash
      for byte in bytes {
        hash ^= UInt64(byte)
        hash = hash &* prime
      }
      return hash
    }
  }

  /// FNV-1a 64 of the bytes already hashed into `hash` followed by `byte`.
  @inline(__always)
  static func fnv1a(byte: UInt8, continuing hash: UInt64) -> UInt64 { (hash ^ UInt64(byte)) &* prime }

  /// The story id for a group whose smallest member id (in byte order) is `anchor`.
  public static func make(anchor: String) -> String {
    let hex = String(fnv1a(anchor), radix: 16)
    return "s" + String(repeating: "0", count: 16 - hex.count) + hex
  }

  /// The thread id for a thread whose first report's anchor is `anchor`: the story id of
  /// that report with `t` for `s`.
  public static func thread(anchor: String) -> String { thread(story: make(anchor: anchor)) }

  /// The thread id of a thread whose first report has the story id `story`.
  public static func thread(story: String) -> String { "t" + story.dropFirst() }
}
