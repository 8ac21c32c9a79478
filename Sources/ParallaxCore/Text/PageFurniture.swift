import Foundation

/// Recognises lines that are page furniture (share counters, comment prompts, language
/// pickers, separators) and attribution lines that belong in metadata, not the body.
public enum PageFurniture {
  /// What a line of article text is.
  public enum LineKind: Equatable, Sendable {
    /// Article text: keep it.
    case text
    /// Web-page furniture: drop it.
    case furniture
    /// A credit line such as "Edited and published by …": keep as metadata.
    case attribution
  }

  /// Exact lines (compared case-insensitively, trailing punctuation ignored) that are furniture.
  static let exactLines: Set<String> = [
    "leave a reply", "leave a comment", "comments", "comment", "advertisement", "share",
    "share this", "share this article", "share this story", "tweet", "print", "email",
    "related", "related articles", "related stories", "read more", "subscribe", "sign up",
    "follow us", "skip to content", "skip advertisement", "cancel reply", "post comment",
    "click to share", "share on facebook", "share on twitter", "whatsapp",
  ]

  /// Prefixes of credit lines kept as attributions (compared case-insensitively).
  static let attributionPrefixes = [
    "edited and published by", "published by", "edited by", "editing by", "reporting by",
    "additional reporting by", "written by", "compiled by", "writing by", "produced by",
  ]

  /// Classifies one line of an article (already trimmed of surrounding whitespace).
  public static func classify(_ line: String) -> LineKind {
    let trimmed = line.trimmed
    if trimmed.isEmpty { return .furniture }
    if trimmed.utf8.count > 240 { return .text }
    if trimmed.allSatisfy({ $0.isNumber }) && trimmed.count <= 7 { return .furniture }
    if trimmed.allSatisfy({ separatorCharacters.contains($0) || $0.isWhitespace }) { return .furniture }
    let folded = TextNormalizer.normalize(trimmed).lowercased()
    let bare = folded.trimmed(of: Self.edgePunctuation)
    if exactLines.contains(bare) { return .furniture }
    if bare.hasPrefix("see more") && bare.count < 60 { return .furniture }
    if isLanguagePicker(trimmed) { return .furniture }
    let unquoted = bare.trimmed(of: Self.quotes)
    // The prefix first: counting characters walks the line.
    if attributionPrefixes.contains(where: { unquoted.hasPrefix($0) }) && unquoted.count < 200 {
      return .attribution
    }
    return .text
  }

  static let edgePunctuation: Set<Unicode.Scalar> = [":", ".", "!", "\u{2026}", "\u{00BB}", ">", " "]
  static let quotes: Set<Unicode.Scalar> = ["\"", "'", "(", ")", "[", "]", " "]

  static let separatorCharacters: Set<Character> = ["|", "-", "–", "—", "_", "=", "*", "•", "·", "~", "#", "/"]

  /// A line like "en English" or "fr Français": a two-letter code and a language name.
  static func isLanguagePicker(_ line: String) -> Bool {
    guard line.utf8.count <= 40 else { return false }
    let parts = line.split(separator: " ")
    guard parts.count == 2, parts[0].count == 2, parts[0].allSatisfy({ $0.isLowercase && $0.isASCII })
    else { return false }
    return languageNames.contains(parts[1].lowercased())
  }

  static let languageNames: Set<String> = [
    "english", "français", "deutsch", "español", "italiano", "português", "русский", "українська",
    "العربية", "中文", "日本語", "한국어", "türkçe", "polski", "nederlands", "svenska",
  ]
}
