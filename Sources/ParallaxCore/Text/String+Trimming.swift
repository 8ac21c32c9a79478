extension String {
  /// The string without leading and trailing whitespace (spaces, tabs, line breaks,
  /// Unicode spaces). Faster than Foundation's `trimmingCharacters(in:)` on Linux.
  /// - Complexity: O(n) in the whitespace removed.
  public var trimmed: String {
    let scalars = unicodeScalars
    var start = scalars.startIndex
    var end = scalars.endIndex
    func isTrimmed(_ s: Unicode.Scalar) -> Bool { TextNormalizer.isSpace(s) || s == "\n" || s == "\r" }
    while start < end && isTrimmed(scalars[start]) { start = scalars.index(after: start) }
    while end > start && isTrimmed(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
    if start == scalars.startIndex && end == scalars.endIndex { return self }
    return String(scalars[start..<end])
  }

  /// The string without leading and trailing scalars from `set`.
  public func trimmed(of set: Set<Unicode.Scalar>) -> String {
    let scalars = unicodeScalars
    var start = scalars.startIndex
    var end = scalars.endIndex
    while start < end && set.contains(scalars[start]) { start = scalars.index(after: start) }
    while end > start && set.contains(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
    return String(scalars[start..<end])
  }
}
