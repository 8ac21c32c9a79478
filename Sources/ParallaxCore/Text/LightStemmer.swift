/// Light stemming for languages other than English: strips the commonest inflectional
/// endings (case, number, gender), never derivational ones, so that "Пескова" and "Песков",
/// "Verhandlungen" and "Verhandlung", "conversaciones" and "conversación" meet while unrelated
/// words stay apart. In the spirit of Lucene's light stemmers (Savoy's rules), written here
/// on characters: a dozen suffix lists need no library.
public enum LightStemmer {
  /// The stem of a lower-cased `word` in `language`; unchanged for languages written without
  /// spaces and for words too short to strip.
  public static func stem(_ word: String, language: Language) -> String {
    switch language {
    case .russian: return strip(word.replacingOccurrences(of: "ё", with: "е"), russian, keep: 3)
    case .german: return strip(folded(word, german), germanEndings, keep: 4)
    case .spanish: return strip(folded(word, spanish), romanceEndings, keep: 4)
    case .portuguese: return strip(folded(word, portuguese), romanceEndings, keep: 4)
    case .italian: return strip(folded(word, italian), italianEndings, keep: 4)
    case .french: return strip(folded(word, french), frenchEndings, keep: 4)
    case .dutch: return strip(word, dutchEndings, keep: 4)
    case .arabic: return arabic(word)
    case .greek: return strip(word, greekEndings, keep: 3)
    default: return word
    }
  }

  /// `word` without its longest ending from `endings`, leaving at least `keep` characters.
  static func strip(_ word: String, _ endings: [String], keep: Int) -> String {
    let count = word.count
    for ending in endings where count - ending.count >= keep && word.hasSuffix(ending) {
      return String(word.dropLast(ending.count))
    }
    return word
  }

  /// `word` with accented letters replaced as `map` says (ASCII words pass unchanged).
  static func folded(_ word: String, _ map: [Character: Character]) -> String {
    guard !word.utf8.allSatisfy({ $0 < 0x80 }) else { return word }
    return String(word.map { map[$0] ?? $0 })
  }

  // Endings, longest first.
  static let russian = [
    "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ией", "иях", "ием", "ая", "яя", "ое", "ее",
    "ые", "ие", "ой", "ей", "ий", "ый", "ым", "им", "ом", "ем", "ам", "ям", "ах", "ях", "ую", "юю", "ов", "ев",
    "ию", "ья", "ью", "ия", "а", "я", "о", "е", "и", "ы", "у", "ю", "ь", "й",
  ]
  static let german: [Character: Character] = ["ä": "a", "ö": "o", "ü": "u"]
  static let germanEndings = ["ern", "em", "en", "er", "es", "e", "s", "n"]
  static let spanish: [Character: Character] = ["á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u"]
  static let portuguese: [Character: Character] = [
    "á": "a", "â": "a", "ã": "a", "à": "a", "é": "e", "ê": "e", "í": "i", "ó": "o", "ô": "o", "õ": "o", "ú": "u",
    "ç": "c",
  ]
  static let italian: [Character: Character] = ["à": "a", "è": "e", "é": "e", "ì": "i", "ò": "o", "ù": "u"]
  static let french: [Character: Character] = [
    "à": "a", "â": "a", "é": "e", "è": "e", "ê": "e", "ë": "e", "î": "i", "ï": "i", "ô": "o", "ù": "u", "û": "u",
    "ç": "c",
  ]
  static let romanceEndings = ["es", "as", "os", "s", "a", "o", "e"]
  static let italianEndings = ["i", "e", "a", "o"]
  static let frenchEndings = ["aux", "es", "s", "x", "e"]
  static let dutchEndings = ["en", "s", "e"]
  static let greekEndings = ["ους", "ων", "ος", "ης", "ες", "ας", "ου", "οι", "α", "ο", "η", "ε", "ς"]

  /// Arabic: diacritics and tatweel out, alef forms folded, then the article and a
  /// conjunction or preposition glued to it, and a pronoun or plural ending, stripped while
  /// three letters remain.
  static func arabic(_ word: String) -> String {
    var view = String.UnicodeScalarView()
    for s in word.unicodeScalars where !(0x064B...0x0652).contains(s.value) && s.value != 0x0640 {
      switch s.value {
      case 0x0623, 0x0625, 0x0622: view.append("\u{0627}")  // أ إ آ → ا
      case 0x0649: view.append("\u{064A}")  // ى → ي
      default: view.append(s)
      }
    }
    var text = String(view)
    for prefix in ["وال", "بال", "كال", "فال", "لل", "ال", "و"]
    where text.count - prefix.count >= 3 && text.hasPrefix(prefix) {
      text = String(text.dropFirst(prefix.count))
      break
    }
    for suffix in ["ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي"]
    where text.count - suffix.count >= 3 && text.hasSuffix(suffix) {
      text = String(text.dropLast(suffix.count))
      break
    }
    return text
  }
}
