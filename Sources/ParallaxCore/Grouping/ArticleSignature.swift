/// What matching needs from one article, independent of the rest of the collection:
/// term counts of its lead (stems, names and numbers) and the names and numbers themselves.
public struct ArticleSignature: Sendable, Hashable {
  /// Counts of stemmed content words (`"talk"`), names (`"N:peskov"`) and numbers (`"#:1000"`).
  public var termCounts: [String: Int] = [:]
  /// Name keys (`"N:peskov"`) with the form first seen (`"Peskov"`).
  public var names: [String: String] = [:]
  /// Number keys (`"#:1000"`) with the form first seen (`"1,000"`).
  public var numbers: [String: String] = [:]
  /// For each context a number appears in (the two words either side, `"at about|head versus"`),
  /// the distinct numbers found there: both hashed as their text would be (``StoryID/fnv1a(_:)``),
  /// numbers increasing, contexts in order of hash then numbers. Template reports reuse
  /// contexts with new numbers. Hashed as they are read: nothing compares them as text.
  public var numberContexts: [NumberContext] = []
  /// Days of the week the lead names, one bit each (Monday is bit 0): when it happened.
  public var weekdays: UInt8 = 0
  /// The quotations of the lead's body (the title restates it), each as its distinct content
  /// terms (``TermBag/terms(of:)``), in order; quotations without terms are left out. What
  /// the report says was said: a rewrite restates it, a follow-up quotes anew (``FactPrint``).
  public var quotes: [[String]] = []
  /// The terms (stems, names, numbers: `termCounts` keys) of the title and the first words
  /// of the body (``leadTermTokens`` tokens in all): what the report is about and what
  /// happened. A version restates its lead; a follow-up names the same people in its lead
  /// with a new event; another story about them names them further down. In text order,
  /// repeats kept (appending is cheaper than hashing into a set; the hashed form is distinct).
  public var leadTerms: [String] = []
  /// The distinct terms (stems and numbers, no stop words) of the title alone, sorted: the
  /// news as the outlet headlines it. Versions of one report headline one event in
  /// shared words; a follow-up headlines its own development (``FactPrint/titleDice(_:_:)``).
  public var titleTerms: [String] = []
  /// How many tokens (title first) the lead's terms are read from.
  public static let leadTermTokens = 50
  /// The language the terms were read in: the article's own (its feed's) when known, else
  /// guessed from the text (``Language/guess(_:)``). It picks stop words, endings and names.
  public var language: Language = .english

  /// Extracts the signature of `article` from its title and the first `leadTokens` tokens.
  public init(article: Article, leadTokens: Int) {
    // Words average well under 15 bytes; cutting there spares normalising a long tail.
    let text = article.title + "\n" + article.body
    let budget = leadTokens * 15
    let cut = text.utf8.count > budget ? String(text.prefix(budget)) : text
    // Quotations are paired within a paragraph, so they are read line by line of the
    // normalised text (paragraphs are lines; the title's lines, which restate the body, are
    // left out).
    self.init(
      text: cut, leadTokens: leadTokens, quotes: .bodyLines(skipping: article.title.count { $0 == "\n" } + 1),
      language: article.language.flatMap(Language.init(tag:)))
    titleTerms = Self.titleTerms(of: article.title, body: article.body, language: language)
  }

  /// The distinct content terms of a headline (``titleTerms``), as the lead counts them;
  /// none when the title only repeats the body's opening words (a title derived from the
  /// first sentence of an untitled text, a feed that titles items with their first words):
  /// that is the text, not a headline.
  static func titleTerms(of title: String, body: String, language: Language) -> [String] {
    let tokens = Tokenizer.tokenize(TextNormalizer.normalize(title), limit: leadTermTokens)
    guard !tokens.isEmpty else { return [] }
    let budget = title.utf8.count * 2 + 16
    let opening = Tokenizer.tokenize(TextNormalizer.normalize(String(body.prefix(budget))), limit: tokens.count)
    if opening.count == tokens.count && zip(opening, tokens).allSatisfy({ $0.text == $1.text }) { return [] }
    var terms = Set<String>()
    for token in tokens {
      if token.isNumber {
        if token.text.utf8.count >= 2 { terms.insert("#:" + token.text) }
        continue
      }
      if language.isStopword(token.text) { continue }
      terms.insert(language.stem(token.text))
    }
    return terms.sorted()
  }

  /// Where a signature's quotations come from.
  enum QuoteSource {
    /// The whole text.
    case text
    /// Each line of the text but the first `skipping`.
    case bodyLines(skipping: Int)
  }

  /// Whether a character can open a quotation in normalised text.
  static func quoteMark(_ c: Character) -> Bool { c == "\"" || c == "'" }

  /// Each quotation of normalized `text` as its distinct content terms.
  static func quotes(in text: String) -> [[String]] {
    FactExtractor.quotes(in: text).compactMap { quote in
      var seen = Set<String>()
      let terms = TermBag.terms(of: quote).filter { seen.insert($0).inserted }
      return terms.isEmpty ? nil : terms
    }
  }

  /// Extracts the signature of raw text.
  public init(text: String, leadTokens: Int = .max) {
    self.init(text: text, leadTokens: leadTokens, quotes: .text)
  }

  /// The signature of raw text, with its quotations from `source`.
  init(text: String, leadTokens: Int, quotes source: QuoteSource, language known: Language? = nil) {
    let normalized = TextNormalizer.normalize(text)
    let tokens = Tokenizer.tokenize(normalized, limit: leadTokens)
    let language = known ?? Language.guess(tokens)
    self.language = language
    switch source {
    case .text: quotes = Self.quotes(in: normalized)
    case .bodyLines(let skipped):
      // Lines split on their bytes: a line break is a grapheme of its own in normalised
      // text (no "\r\n"), so this is the split by characters, without walking characters.
      // Lines are found in one pass over the bytes, and only those holding a quotation
      // mark become strings.
      let utf8 = normalized.utf8
      var lineStart = utf8.startIndex
      var skipping = skipped
      var marked = false
      var index = utf8.startIndex
      while true {
        let atEnd = index == utf8.endIndex
        let byte: UInt8 = atEnd ? 0x0A : utf8[index]
        if byte == 0x0A {
          // A line of its own unless empty (the split omitted empty lines).
          if lineStart != index {
            if skipping > 0 {
              skipping -= 1
            } else if marked {
              let line = String(normalized[lineStart..<index])
              if line.contains(where: Self.quoteMark) { quotes += Self.quotes(in: line) }
            }
          }
          marked = false
          if atEnd { break }
          lineStart = utf8.index(after: index)
        } else if byte == 0x22 || byte == 0x27 {
          marked = true
        }
        index = utf8.index(after: index)
      }
    }
    numberContexts = Self.contexts(of: tokens)
    let shouted = Self.shoutedWords(tokens)
    // Distinct terms are at most the tokens plus their name keys; growing the table as it
    // fills rehashes every key several times.
    termCounts.reserveCapacity(tokens.count + tokens.count / 4)
    func count(_ key: String) { termCounts[key, default: 0] += 1 }
    for (index, token) in tokens.enumerated() {
      let previous = language == .german && index > 0 ? tokens[index - 1].text : nil
      if token.isNumber {
        guard token.text.utf8.count >= 2 else { continue }  // digits and separators: ASCII
        let key = "#:" + token.text
        count(key)
        if numbers[key] == nil { numbers[key] = token.original }
        if index < Self.leadTermTokens { leadTerms.append(key) }
        continue
      }
      // Day names are 6 to 9 letters long and end in "day": other words skip the lookup.
      if (6...9).contains(token.text.utf8.count), token.text.utf8.last == 0x79, let day = Self.weekdayBits[token.text] {
        weekdays |= day
      }
      if language.isStopword(token.text) { continue }
      let stem = language.stem(token.text)
      count(stem)
      if index < Self.leadTermTokens { leadTerms.append(stem) }
      if Self.isName(token, after: previous, in: language), shouted.isEmpty || !shouted[index] {
        // Inflected languages decline names ("Песков", "Пескова"): their stems are the key.
        let key = "N:" + (language == .english ? token.text : stem)
        count(key)
        if names[key] == nil { names[key] = token.original }
        if index < Self.leadTermTokens { leadTerms.append(key) }
      }
    }
  }

  /// Which all-caps words of shouted lines (sentences or lines written in capitals only, at
  /// least two words of two or more letters: "FED ADDS RESERVES VIA REPURCHASES") are words,
  /// not names: those the rest of the text writes in lower case and never capitalised ("via",
  /// "adds", "bond"). A shouted line's capitals say nothing about names; a word the rest
  /// capitalises ("Gulf", "TWA") stays a name, and one it never repeats is judged as any
  /// all-caps word (``isName(_:after:in:)``). Empty when the text has no shouted line, else
  /// one flag per token.
  static func shoutedWords(_ tokens: [Token]) -> [Bool] {
    // The shouted lines as ranges of token positions.
    var lines: [Range<Int>] = []
    var start = 0
    var words = 0
    var mixed = false
    for k in 0...tokens.count {
      if k == tokens.count || tokens[k].sentence != tokens[start].sentence {
        if words >= 2 && !mixed { lines.append(start..<k) }
        if k == tokens.count { break }
        start = k
        words = 0
        mixed = false
      }
      let token = tokens[k]
      guard !token.isNumber, token.text.utf8.count >= 2 else { continue }
      if token.isAllCaps { words += 1 } else { mixed = true }
    }
    guard !lines.isEmpty else { return [] }
    // Their all-caps words (a headline's few: searched in order, not hashed), and how the
    // rest of the text writes each: capitalised, in lower case, or both. A word's length and
    // first byte rule out most tokens before any comparison.
    var texts: [String] = []
    var lengths: UInt64 = 0
    var firsts: UInt64 = 0
    for line in lines {
      for k in line where tokens[k].isAllCaps && !texts.contains(tokens[k].text) {
        let text = tokens[k].text
        texts.append(text)
        lengths |= 1 << UInt64(min(text.utf8.count, 63))
        firsts |= 1 << UInt64(text.utf8.first! & 63)
      }
    }
    var capitalised = [Bool](repeating: false, count: texts.count)
    var lowered = [Bool](repeating: false, count: texts.count)
    var line = 0
    for k in tokens.indices {
      while line < lines.count && lines[line].upperBound <= k { line += 1 }
      if line < lines.count && lines[line].lowerBound <= k { continue }
      let text = tokens[k].text
      let utf8 = text.utf8
      guard lengths & (1 << UInt64(min(utf8.count, 63))) != 0, let first = utf8.first,
        firsts & (1 << UInt64(first & 63)) != 0, !tokens[k].isNumber, let i = texts.firstIndex(of: text)
      else { continue }
      if tokens[k].isCapitalized { capitalised[i] = true } else { lowered[i] = true }
    }
    var shouted = [Bool](repeating: false, count: tokens.count)
    for line in lines {
      for k in line where tokens[k].isAllCaps {
        let i = texts.firstIndex(of: tokens[k].text)!
        shouted[k] = lowered[i] && !capitalised[i]
      }
    }
    return shouted
  }

  static let weekdayBits: [String: UInt8] = [
    "monday": 1, "tuesday": 2, "wednesday": 4, "thursday": 8, "friday": 16, "saturday": 32, "sunday": 64,
  ]

  /// A capitalised word that does not open a sentence; all-caps words only when short
  /// (acronyms such as NATO), since long ones are usually shouted headlines.
  /// In scripts without case every content word of two or more characters is a candidate
  /// (rarity picks the names out); in German, which capitalises every noun, a capital after
  /// an article or determiner, or on a word with a noun's ending (`-ung`, `-heit`, …), is a
  /// noun ("die Delegation", "einen Durchbruch").
  static func isName(_ token: Token, after previous: String? = nil, in language: Language = .english) -> Bool {
    if language.isCaseless { return token.text.hasCharacters(atLeast: 2) }
    guard token.isCapitalized, !token.startsSentence, token.text.hasCharacters(atLeast: 2),
      !Tokenizer.isAbbreviation(token.text)
    else { return false }
    if language == .german {
      if let previous, germanDeterminers.contains(previous) { return false }
      if germanNounEndings.contains(where: token.text.hasSuffix) { return false }
    }
    return !token.isAllCaps || !token.text.hasCharacters(atLeast: 6)
  }

  static let germanDeterminers: Set<String> = [
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "kein", "keine",
    "keinen", "keinem", "keiner", "im", "am", "zum", "zur", "vom", "beim", "ins", "dieser", "diese", "dieses",
    "diesem", "diesen", "jeder", "jede", "jedes", "jeden", "sein", "seine", "seinen", "seinem", "seiner", "ihr",
    "ihre", "ihren", "ihrem", "ihrer", "unser", "unsere", "mehrere", "viele", "neue", "neuen", "neuer", "ersten",
  ]
  static let germanNounEndings = [
    "ung", "ungen", "heit", "keit", "schaft", "tion", "tionen", "ität", "ismus", "nis", "tum", "ling", "chen",
    "ment", "schaften", "heiten", "keiten", "nisse", "ismen",
  ]

  /// Numbers (digits or number words) keyed by the nearest two non-number words on each side
  /// (`"at about|head versus"`, `^` and `$` for the text's ends), hashed: the FNV-1a of that
  /// key and of each number's text, without making either string.
  static func contexts(of tokens: [Token]) -> [NumberContext] {
    // Words without a number word's length, first and last letter skip the lookup.
    func value(_ t: Token) -> String? {
      if t.isNumber { return t.text }
      return numberWordShapes.mayContain(t.text) ? numberWordTable[t.text] : nil
    }
    // Each token's number, read once (most tokens are none).
    let values = tokens.map(value)
    let numbers = values.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
    guard numbers > 0 else { return [] }
    var result: [UInt64: [UInt64]] = [:]
    result.reserveCapacity(numbers)
    let space = UInt8(ascii: " ")
    for i in tokens.indices {
      guard let number = values[i] else { continue }
      var p = i - 1
      while p >= 0 && values[p] != nil { p -= 1 }
      var n = i + 1
      while n < tokens.count && values[n] != nil { n += 1 }
      var key = StoryID.offsetBasis
      if p >= 0 && i - p <= 3 {
        if p > 0 { key = StoryID.fnv1a(byte: space, continuing: StoryID.fnv1a(tokens[p - 1].text, continuing: key)) }
        key = StoryID.fnv1a(tokens[p].text, continuing: key)
      } else {
        key = StoryID.fnv1a(byte: UInt8(ascii: "^"), continuing: key)
      }
      key = StoryID.fnv1a(byte: UInt8(ascii: "|"), continuing: key)
      if n < tokens.count && n - i <= 3 {
        key = StoryID.fnv1a(tokens[n].text, continuing: key)
        if n + 1 < tokens.count {
          key = StoryID.fnv1a(tokens[n + 1].text, continuing: StoryID.fnv1a(byte: space, continuing: key))
        }
      } else {
        key = StoryID.fnv1a(byte: UInt8(ascii: "$"), continuing: key)
      }
      result[key, default: []].append(StoryID.fnv1a(number))
    }
    return result.map { context, found in
      NumberContext(context: context, numbers: found.count == 1 ? found : HashedSignature.distinct(found.sorted()))
    }.sorted { $0.context != $1.context ? $0.context < $1.context : $0.numbers.lexicographicallyPrecedes($1.numbers) }
  }

  /// Spelled-out numbers and ordinals, so that "seven ships" and "three ships", or "second
  /// round" and "third round", disagree.
  static let numberWords: [String: String] = [
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
    "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
    "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty": "20",
    "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90",
    "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6", "seventh": "7",
    "eighth": "8", "ninth": "9", "tenth": "10", "eleventh": "11", "twelfth": "12",
  ]

  /// The shapes of ``numberWords`` (length, first and last letter).
  static let numberWordShapes = WordShapes(numberWords.keys)

  /// ``numberWords`` for lookups (``WordTable``).
  static let numberWordTable = WordTable(numberWords.map { ($0.key, $0.value) })

  /// Name and number keys together.
  public var entityKeys: [String] { Array(names.keys) + Array(numbers.keys) }
}
