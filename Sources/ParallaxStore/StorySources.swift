import Foundation

/// A story's sources as the `story.sources` column holds them: a JSON array of strings
/// (store format 9; before, the names joined by ", ", which a name holding ", " broke).
enum StorySources {
  static func encode(_ sources: [String]) -> String {
    guard let data = try? JSONSerialization.data(withJSONObject: sources, options: [.withoutEscapingSlashes]),
      let text = String(data: data, encoding: .utf8)
    else { return "[]" }  // an array of strings always serialises
    return text
  }

  /// The sources a column holds; a value from before format 9 is split at ", ".
  static func decode(_ text: String) -> [String] {
    if text.hasPrefix("["), let data = text.data(using: .utf8),
      let array = try? JSONSerialization.jsonObject(with: data) as? [String]
    {
      return array
    }
    return text.isEmpty ? [] : text.components(separatedBy: ", ")
  }
}
