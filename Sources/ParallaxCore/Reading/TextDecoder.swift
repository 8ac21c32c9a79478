import Foundation

/// Turns file bytes into text, recognising binary data and repairing invalid UTF-8.
public enum TextDecoder {
  /// The outcome of decoding.
  public enum Result: Equatable, Sendable {
    /// Valid UTF-8 (a byte-order mark, if any, removed).
    case text(String)
    /// Invalid UTF-8: undecodable bytes were replaced by U+FFFD; `offset` is the first bad byte.
    case repaired(String, offset: Int, line: Int)
    /// Not text: NUL bytes or mostly control bytes.
    case binary
  }

  /// Decodes `data`.
  /// - Complexity: O(n).
  public static func decode(_ data: Data) -> Result {
    var bytes = data
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    if looksBinary(bytes) { return .binary }
    if let text = String(validating: bytes, as: UTF8.self) { return .text(text) }
    let (offset, line) = firstInvalidByte(bytes)
    return .repaired(String(decoding: bytes, as: UTF8.self), offset: offset, line: line)
  }

  /// NUL bytes, or more than 10 % control bytes, in the first 8 KiB.
  static func looksBinary(_ bytes: Data) -> Bool {
    let head = bytes.prefix(8192)
    if head.contains(0) { return true }
    let controls = head.filter { $0 < 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0x1B && $0 != 0x0C }.count
    return head.count > 0 && controls * 10 > head.count
  }

  /// The 0-based offset and 1-based line of the first byte that is not valid UTF-8.
  static func firstInvalidByte(_ bytes: Data) -> (Int, Int) {
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    var consumed = 0
    var line = 1
    var lastGood = 0
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        consumed += UTF8.width(scalar)
        lastGood = consumed
        if scalar == "\n" { line += 1 }
      case .emptyInput:
        return (lastGood, line)
      case .error:
        return (lastGood, line)
      }
    }
  }
}
