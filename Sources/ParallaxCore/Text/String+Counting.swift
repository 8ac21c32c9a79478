extension String {
  /// Whether the string has at least `n` characters (grapheme clusters), as `count >= n`,
  /// without walking the characters when the bytes decide: a character takes at least one
  /// byte, and in ASCII text exactly one.
  @inline(__always)
  public func hasCharacters(atLeast n: Int) -> Bool {
    let bytes = utf8.count
    if bytes < n { return false }
    let ascii = utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? false
    return ascii || count >= n
  }
}
