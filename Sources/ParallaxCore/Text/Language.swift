/// The language of a text, as matching needs it: which stop words to leave out, how to strip
/// endings, and whether capitals mark names.
///
/// Guessed from the text (``guess(_:)``): the script first (Han with kana is Japanese, Han
/// alone Chinese, Hangul Korean, Cyrillic Russian, Arabic script Arabic, …), then, for Latin
/// script, the language whose common words the text uses most. English is the default for
/// Latin text with no clear winner, so English grouping is what it was.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
  case english = "en"
  case german = "de"
  case spanish = "es"
  case french = "fr"
  case italian = "it"
  case portuguese = "pt"
  case dutch = "nl"
  case russian = "ru"
  case arabic = "ar"
  case chinese = "zh"
  case japanese = "ja"
  case korean = "ko"
  case thai = "th"
  case greek = "el"
  case hebrew = "he"
  case hindi = "hi"

  /// A declared language value as a tag: trimmed, letters, digits, `-` and `_` only, at most
  /// 35 characters (BCP 47's longest); nil for anything else (empty, prose, markup, control
  /// characters), so that what a feed declares is either a tag or nothing.
  public static func tag(_ value: String?) -> String? {
    guard let value = value?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty, value.count <= 35,
      value.unicodeScalars.allSatisfy({
        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
      })
    else { return nil }
    return value
  }

  /// The language of a BCP 47 tag (`"de-AT"`, `"zh_Hant"`), when it is one of these.
  public init?(tag: String) {
    let primary = tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
    self.init(rawValue: primary)
  }

  /// Whether the script has no letter case: capitals say nothing about names, so every
  /// content word is a candidate name (rarity then picks the names out).
  public var isCaseless: Bool {
    switch self {
    case .arabic, .chinese, .japanese, .korean, .thai, .hebrew, .hindi: return true
    default: return false
    }
  }

  /// Whether a capitalised word can be a name by its capital alone. German capitalises every
  /// noun: there a capital after an article or with a noun's ending is a noun.
  var capitalsMarkNames: Bool { !isCaseless }

  /// Whether a lower-cased word is one of the language's stop words.
  @inline(__always)
  public func isStopword(_ word: String) -> Bool {
    if self == .english { return Stopwords.isEnglish(word) }
    return Stopwords.byLanguageTables[ordinal]?.contains(word) ?? false
  }

  /// The light stem of a lower-cased word (``Stemmer`` for English, ``LightStemmer`` else).
  @inline(__always)
  public func stem(_ word: String) -> String {
    self == .english ? Stemmer.stem(word) : LightStemmer.stem(word, language: self)
  }

  /// The language of tokenised text: the script of most words, then, for Latin script, the
  /// language whose stop words are most frequent among the first 120 words (English unless
  /// another has at least three and more than English).
  public static func guess(_ tokens: [Token]) -> Language {
    var scripts = [Int](repeating: 0, count: Script.other.rawValue + 1)
    var votes = [Int](repeating: 0, count: ordered.count)
    var kana = 0
    var seen = 0
    for token in tokens where !token.isNumber {
      seen += 1
      if seen > 120 { break }
      var utf8 = token.text.utf8.makeIterator()
      guard let lead = utf8.next() else { continue }
      let script = lead < 0x80 ? Script.latin : Script(token.text.unicodeScalars.first!.value)
      scripts[script.rawValue] += 1
      if script == .han, token.text.unicodeScalars.contains(where: { Script($0.value) == .kana }) { kana += 1 }
      if script == .kana { kana += 1 }
      if script == .latin, token.text.utf8.count <= 12, Stopwords.latinVoteShapes.mayContain(token.text),
        let languages = Stopwords.latinVoteTable[token.text]
      {
        for language in languages { votes[language.ordinal] += 1 }
      }
    }
    let top = scripts.indices.max { scripts[$0] < scripts[$1] || (scripts[$0] == scripts[$1] && $0 > $1) }!
    guard scripts[top] > 0, let script = Script(rawValue: top) else { return .english }
    switch script {
    case .han, .kana: return kana > 0 ? .japanese : .chinese
    case .hangul: return .korean
    case .thai: return .thai
    case .cyrillic: return .russian
    case .arabic: return .arabic
    case .greek: return .greek
    case .hebrew: return .hebrew
    case .devanagari: return .hindi
    case .latin, .other:
      let english = votes[Language.english.ordinal]
      let best = votes.indices.max { votes[$0] < votes[$1] || (votes[$0] == votes[$1] && $0 > $1) }!
      guard best != Language.english.ordinal, votes[best] >= 3, votes[best] > english else { return .english }
      return ordered[best]
    }
  }

  /// ``allCases``, made once: the synthesized property builds a new array at every use,
  /// and the guess asks for a language's position once per stop word it reads.
  static let ordered: [Language] = allCases

  /// The language's position in ``allCases``.
  var ordinal: Int { Self.ordered.firstIndex(of: self)! }

  /// The script of a scalar, coarsely.
  enum Script: Int, Comparable {
    case latin, han, kana, hangul, thai, cyrillic, arabic, greek, hebrew, devanagari, other

    init(_ v: UInt32) {
      switch v {
      case 0...0x024F, 0x1E00...0x1EFF: self = .latin
      case 0x0370...0x03FF: self = .greek
      case 0x0400...0x052F: self = .cyrillic
      case 0x0590...0x05FF: self = .hebrew
      case 0x0600...0x06FF, 0x0750...0x077F, 0xFB50...0xFDFF, 0xFE70...0xFEFF: self = .arabic
      case 0x0900...0x097F: self = .devanagari
      case 0x0E00...0x0E7F: self = .thai
      case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7FF: self = .hangul
      case 0x3040...0x30FF, 0x31F0...0x31FF: self = .kana
      case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: self = .han
      default: self = .other
      }
    }

    static func < (a: Script, b: Script) -> Bool { a.rawValue < b.rawValue }
  }
}
