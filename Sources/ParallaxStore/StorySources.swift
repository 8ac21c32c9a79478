import Foundation

/// A story's sources as the `story.sources` column holds them: a JSON array of strings
/// (store format 9; before, the names joined by ", ", which a name holding ", " broke).
///
/// Written and read by hand for the common case: grouping writes and reads this column for
/// every story it grows, and Foundation's `JSONSerialization` spent about 0.6 s of a
/// 100,000-article import on it (decisions.md, 2026-12-07). Anything the fast reader does
/// not recognise (escapes, spaces) goes to `JSONSerialization`, so every valid array reads.
enum StorySources {
  static func encode(_ sources: [String]) -> String {
    var out = "["
    for (i, source) in sources.enumerated() {
      if i > 0 { out += "," }
      out += "\""
      for scalar in source.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where scalar.value < 0x20:
          out += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
        default: out.unicodeScalars.append(scalar)
        }
      }
      out += "\""
    }
    return out + "]"
  }

  /// The sources a column holds; a value from before format 9 is split at ", ".
  static func decode(_ text: String) -> [String] {
    guard text.hasPrefix("[") else { return text.isEmpty ? [] : text.components(separatedBy: ", ") }
    if let plain = plainArray(text) { return plain }
    if let data = text.data(using: .utf8), let array = try? JSONSerialization.jsonObject(with: data) as? [String] {
      return array
    }
    return text.components(separatedBy: ", ")
  }

  /// `["a","b"]` without escapes or spaces, as ``encode(_:)`` writes names without quotes,
  /// backslashes or control characters; nil for anything else.
  static func plainArray(_ text: String) -> [String]? {
    let bytes = Array(text.utf8)
    guard bytes.count >= 2, bytes.last == 0x5D, !bytes.contains(0x5C) else { return nil }
    if bytes.count == 2 { return [] }
    var out: [String] = []
    var i = 1
    while true {
      guard i < bytes.count, bytes[i] == 0x22 else { return nil }
      guard let close = bytes[(i + 1)...].firstIndex(of: 0x22) else { return nil }
      let item = bytes[(i + 1)..<close]
      if item.contains(where: { $0 < 0x20 }) { return nil }
      out.append(String(decoding: item, as: UTF8.self))
      i = close + 1
      guard i < bytes.count else { return nil }
      if bytes[i] == 0x5D { return i == bytes.count - 1 ? out : nil }
      guard bytes[i] == 0x2C else { return nil }
      i += 1
    }
  }
}
