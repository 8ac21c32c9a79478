import Foundation

/// Finds the reportable facts of an article — quotations, numbers in context, names and
/// source attributions — and decides which of them another version lacks.
public enum FactExtractor {
  /// Everything found in `article` (title excluded: headlines restate the body).
  /// - Parameter shared: paragraphs (as written) that the other version carries unchanged.
  ///   Their facts are present on both sides, so no candidate fact is taken from them; they
  ///   still count for presence (what the other side is checked against).
  public static func extract(_ article: Article, shared: Set<String> = []) -> ExtractedFacts {
    extract(article, prepared: PreparedText(paragraphs: article.paragraphs), shared: shared)
  }

  /// Everything found in `article`, whose paragraphs `prepared` holds.
  public static func extract(_ article: Article, prepared: PreparedText, shared: Set<String> = []) -> ExtractedFacts {
    let raw = prepared.raw
    let paragraphs = prepared.normalized
    let paragraphSentences = prepared.sentences
    var facts = ExtractedFacts()
    let tokens = prepared.tokens
    facts.allWords = Set(tokens.flatMap { TermBag.terms(of: $0) })
    for paragraph in paragraphs {
      let found = quotes(in: paragraph)
      guard !found.isEmpty else { continue }
      facts.quotes += found
      if !namesSpeaker(paragraph, quotes: found) { facts.unattributedQuotes.formUnion(found) }
    }
    for (index, paragraph) in paragraphs.enumerated() where !shared.contains(raw[index]) {
      let cued = mayAttribute(paragraph)
      for sentence in paragraphSentences[index] {
        if sentence.utf8.contains(where: { $0 >= 48 && $0 <= 57 }) {
          facts.numberSentences.append((sentence, Tokenizer.tokenize(sentence).filter(\.isNumber).map(\.text)))
        }
        if cued && mayAttribute(sentence) { facts.attributions += attributions(in: sentence) }
      }
    }
    facts.attributions += article.attributions.map { TextNormalizer.normalize($0).trimmed(of: ["\"", "'", " "]) }
    facts.names = names(
      in: paragraphs.indices.filter { !shared.contains(raw[$0]) && !isHeading(paragraphs[$0]) }.flatMap {
        Self.sentenceTokens(tokens[$0])
      })
    facts.capitalisedWords = Set(tokens.joined().filter(\.isCapitalized).map(\.text))
    facts.numberValues = Set(tokens.joined().filter(\.isNumber).map(\.text))
    facts.lowercasedText = paragraphs.joined(separator: "\n").lowercased()
    return facts
  }

  /// What `present` has that `other` lacks.
  public static func missing(from other: ExtractedFacts, present: ExtractedFacts) -> Facts {
    var result = Facts()
    let otherQuoteTerms = other.quotes.map { Set(TermBag.terms(of: $0)) }
    var seenQuotes = Set<String>()
    for quote in present.quotes where seenQuotes.insert(quote).inserted {
      let terms = Set(TermBag.terms(of: quote))
      guard !terms.isEmpty else { continue }
      let quotedThere = otherQuoteTerms.contains {
        dice(terms, $0) >= 0.5 || (!$0.isEmpty && $0.isSubset(of: terms) && $0.count >= 2)
      }
      if quotedThere { continue }
      let covered = Double(terms.intersection(other.allWords).count) / Double(terms.count)
      result.quotes.append(
        Facts.Quote(
          text: quote, absentFromOther: covered < 0.5, unattributed: present.unattributedQuotes.contains(quote)))
    }
    var seenNumbers = Set<String>()
    // Mentions are cut out (a regular expression) only in sentences holding a number the other
    // version lacks: rewrites share most of their numbers.
    let candidates = present.numberSentences.filter { _, values in
      values.contains { !other.numberValues.contains($0) }
    }.map(\.0)
    for number in candidates.flatMap(numbers(in:)) where !number.values.contains(where: other.numberValues.contains) {
      if seenNumbers.insert(number.text).inserted {
        result.numbers.append(Facts.Number(text: number.text, context: number.context))
      }
    }
    result.names = present.names.filter { name in
      !significantWords(name).contains { other.capitalisedWords.contains($0) }
    }
    var seenAttributions = Set<String>()
    for attribution in present.attributions where seenAttributions.insert(attribution.lowercased()).inserted {
      let source = attributionSource(attribution)
      let key = attribution.lowercased()
      let inOther =
        other.attributions.contains { $0.lowercased() == key }
        || (!source.isEmpty && other.lowercasedText.contains(source))
      if !inOther { result.attributions.append(attribution) }
    }
    return result
  }

  static func dice(_ a: Set<String>, _ b: Set<String>) -> Double {
    a.count + b.count == 0 ? 0 : 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
  }

  // MARK: Quotes

  /// Double-quoted spans of a normalised paragraph, and single-quoted spans of two or more words.
  static func quotes(in paragraph: String) -> [String] {
    var result: [String] = []
    // Read on the UTF-8 bytes: both quotation marks are ASCII, and no byte of a longer
    // sequence is below 0x80, so each mark is one byte and the text between two marks is
    // cut at scalar boundaries.
    let utf8 = Array(paragraph.utf8)
    func text(_ from: Int, _ to: Int) -> String { String(decoding: utf8[from..<to], as: UTF8.self) }
    var open: Int? = nil
    for i in utf8.indices where utf8[i] == 0x22 {
      if let start = open {
        let text = text(start + 1, i).trimmed(of: [" ", ","])
        if !text.isEmpty { result.append(text) }
        open = nil
      } else {
        open = i
      }
    }
    // Single quotes: an opening ' after a space or start and before a letter; a closing '
    // after a letter or punctuation and before a space, punctuation or end.
    var start: Int? = nil
    for i in utf8.indices where utf8[i] == 0x27 {
      // The scalar before: only a space or "(" matters, both ASCII.
      let before = i > 0 ? utf8[i - 1] : 0x20
      let after: Unicode.Scalar =
        i + 1 == utf8.count
        ? " " : utf8[i + 1] < 0x80 ? Unicode.Scalar(utf8[i + 1]) : Tokenizer.decode(utf8, at: i + 1).0
      if start == nil, before == 0x20 || before == 0x28, Tokenizer.isWordScalar(after) {
        start = i
      } else if let st = start, !Tokenizer.isWordScalar(after), after != "'" {
        let text = text(st + 1, i).trimmed
        if text.split(separator: " ").count >= 2 { result.append(text) }
        start = nil
      }
    }
    return result
  }

  // MARK: Speakers

  /// Verbs and phrases that introduce what someone said.
  static let speechWords: Set<String> = [
    "said", "says", "say", "saying", "told", "tells", "tell", "added", "adds", "asked", "asks", "wrote", "writes",
    "stated", "states", "explained", "explains", "warned", "warns", "insisted", "insists", "claimed", "claims",
    "noted", "notes", "argued", "argues", "replied", "replies", "recalled", "recalls", "declared", "declares",
    "announced", "announces", "tweeted", "posted", "commented", "continued", "urged", "urges", "acknowledged",
    "admitted", "admits", "according", "quoted", "quoting", "remarked", "responded", "responds", "added",
    "conceded", "concluded", "predicted", "promised", "vowed", "confirmed", "denied", "cautioned", "stressed",
    "emphasised", "emphasized", "suggested", "told", "described", "called", "wondered", "joked", "shouted",
  ]

  /// Words that name nobody in particular, even capitalised at a sentence's start.
  static let anonymousSpeakers: Set<String> = [
    "he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "one", "someone", "officials", "an",
    "a", "the", "this", "that", "these", "those", "but", "and", "so", "then", "when", "as", "in", "on", "at",
  ]

  /// Whether `paragraph` names who said its quotations: with the quoted words taken out,
  /// what is left has a speech word ("said", "told", "according to") and a name (a
  /// capitalised word that is not a pronoun or a title alone): `"…," said Maria Olsen`
  /// names her; `"…," he said` and `"…," a spokesperson said` name nobody.
  static func namesSpeaker(_ paragraph: String, quotes: [String]) -> Bool {
    var frame = paragraph
    for quote in quotes {
      for mark in ["\"", "'"] {
        frame = frame.replacingOccurrences(of: mark + quote, with: " ")
      }
      frame = frame.replacingOccurrences(of: quote, with: " ")
    }
    let tokens = Tokenizer.tokenize(frame)
    func isName(_ token: Token) -> Bool {
      token.isCapitalized && !token.isNumber && token.text.count >= 2 && !anonymousSpeakers.contains(token.text)
        && !titleWords.contains(token.text) && !speechWords.contains(token.text)
    }
    // A name within six words of a speech word, in the same sentence.
    for (i, token) in tokens.enumerated() where speechWords.contains(token.text) {
      let window = tokens[max(0, i - 6)..<min(tokens.count, i + 7)]
      if window.contains(where: { $0.sentence == token.sentence && isName($0) }) { return true }
    }
    return false
  }

  // MARK: Numbers

  /// A number as written with the words that give it meaning, and its numeric values.
  public struct NumberMention: Sendable, Hashable {
    public var text: String
    public var context: String
    public var values: [String]
  }

  static let numberPattern = try! NSRegularExpression(
    pattern:
      #"(?<![\w.])\d[\d,./]*(?:\s?(?:%|percent|per cent|km|kilometres|kilometers|miles?|kg|tons?|tonnes|million|billion|bn|m)\b)?(?:-[A-Za-z]+(?:-[A-Za-z]+)*)?(?:\s\((?:[^()]{1,20})\))?(?:\s(?:out of|of|per|in)\s\d[\d,.]*)?(?:\s(?!(?:and|or|the|a|an|in|on|at|to|of|from|by|for|with|was|were|is|are)\b)[A-Za-z][a-z]+)?"#
  )

  static func numbers(in sentence: String) -> [NumberMention] {
    let range = NSRange(sentence.startIndex..., in: sentence)
    return numberPattern.matches(in: sentence, range: range).compactMap { match in
      guard let r = Range(match.range, in: sentence) else { return nil }
      let text = String(sentence[r]).trimmed(of: [",", ".", " "])
      let values = Tokenizer.tokenize(text).filter(\.isNumber).map(\.text)
      return values.isEmpty ? nil : NumberMention(text: text, context: sentence, values: values)
    }
  }

  // MARK: Names

  /// Words that do not identify a name on their own ("President Putin" is found by "Putin").
  static let titleWords: Set<String> = [
    "president", "minister", "secretary", "spokesperson", "spokesman", "spokeswoman", "general", "chief", "prime",
    "foreign", "defence", "defense", "deputy", "senior", "former", "the", "of", "and", "mr", "mrs", "ms", "dr",
    "sen", "gov", "rep", "sir", "lord", "king", "queen", "national", "council", "ministry", "department",
    "state", "states", "united", "new", "north", "south", "east", "west", "northern", "southern", "eastern",
    "western",
  ]

  static func significantWords(_ name: String) -> [String] {
    Tokenizer.tokenize(name).map(\.text).filter { !titleWords.contains($0) && $0.count >= 2 }
  }

  /// A subhead: short, no final sentence punctuation, most words capitalised.
  static func isHeading(_ paragraph: String) -> Bool {
    guard paragraph.count <= 90, let last = paragraph.last, !".!\"',;:)".contains(last) else { return false }
    let words = Tokenizer.tokenize(paragraph).filter { !$0.isNumber && !Stopwords.english.contains($0.text) }
    let capitalised = words.filter(\.isCapitalized).count
    return !words.isEmpty && Double(capitalised) >= 0.5 * Double(words.count)
  }

  /// A paragraph's tokens cut into sentences (the tokenizer numbers them).
  static func sentenceTokens(_ tokens: [Token]) -> [[Token]] {
    var result: [[Token]] = []
    var start = 0
    while start < tokens.count {
      var end = start
      while end < tokens.count && tokens[end].sentence == tokens[start].sentence { end += 1 }
      result.append(Array(tokens[start..<end]))
      start = end
    }
    return result
  }

  /// Runs of capitalised words ("Vladimir Medinsky", "Al Jazeera"), joined by "of" inside;
  /// a single capitalised word that opens a sentence counts only when it is capitalised
  /// elsewhere mid-sentence too.
  static func names(in tokenized: [[Token]]) -> [String] {
    var found: [String] = []
    var seen = Set<String>()
    var midSentence = Set<String>()
    for tokens in tokenized {
      for t in tokens where t.isCapitalized && !t.startsSentence { midSentence.insert(t.text) }
    }
    for tokens in tokenized {
      var run: [Token] = []
      func flush() {
        while let last = run.last, last.text == "of" || last.text == "the" { run.removeLast() }
        while let first = run.first, Stopwords.english.contains(first.text) || first.original.count == 1 {
          run.removeFirst()
        }
        defer { run = [] }
        guard !run.isEmpty else { return }
        if run.count == 1, run[0].startsSentence, !midSentence.contains(run[0].text) { return }
        if run.count == 1, Stopwords.english.contains(run[0].text) || titleWords.contains(run[0].text) { return }
        if !run.contains(where: { !titleWords.contains($0.text) && $0.text.count >= 2 }) { return }
        let name = run.map(\.original).joined(separator: " ")
        if seen.insert(name.lowercased()).inserted { found.append(name) }
      }
      for token in tokens {
        if token.isCapitalized && !token.isNumber && !(token.isAllCaps && token.text.count > 6) {
          if token.startsSentence { flush() }
          run.append(token)
        } else if (token.text == "of" || (token.text == "the" && run.last?.text == "of")) && !run.isEmpty {
          run.append(token)
        } else {
          flush()
        }
      }
      flush()
    }
    return found
  }

  // MARK: Attributions

  static let attributionPatterns: [NSRegularExpression] = [
    #"\btold (?:[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*|reporters|journalists|the [a-z]+(?: [a-z]+)?)"#,
    #"\baccording to (?:the )?[\w'-]+(?: [\w'-]+){0,3}"#,
    #"\b(?:the )?[\w.'-]+ (?:news agency|newspaper|agency|broadcaster|daily|outlet) (?:reported|said|quoted)"#,
    #"\breporting from [A-Z][\w-]+"#,
    #"\bquoting (?:the )?(?:[a-z][\w'-]* ){0,4}[A-Z][\w'-]*(?: [A-Z][\w'-]*)*"#,
    #"\b(?:said|wrote|posted|stated|announced) (?:in a (?:recent )?(?:post|statement) )?on [A-Z][\w-]+"#,
    #"\b(?:a |an )?(?:[\w-]+ )?(?:diplomatic |government |security |military |senior )?sources? (?:told|said)(?: [A-Z][\w-]*)?"#,
  ].map { try! NSRegularExpression(pattern: $0) }

  static let attributionCues = [
    "told", "according", "reported", "quot", "reporting", "source", "said on", "wrote on", "posted", "stated",
    "announced", "post on", "statement on", "said in",
  ]

  /// A cheap test that spares the regular expressions on most sentences.
  static func mayAttribute(_ text: String) -> Bool {
    let lower = Array(text.lowercased().utf8)
    return attributionCueBytes.contains { cue in
      guard lower.count >= cue.count else { return false }
      for start in 0...(lower.count - cue.count) where lower[start] == cue[0] {
        if lower[start..<(start + cue.count)].elementsEqual(cue) { return true }
      }
      return false
    }
  }

  static let attributionCueBytes = attributionCues.map { Array($0.utf8) }

  /// Attribution phrases of a sentence; a phrase inside a longer one found there is dropped.
  static func attributions(in sentence: String) -> [String] {
    let range = NSRange(sentence.startIndex..., in: sentence)
    let found = attributionPatterns.flatMap { pattern in
      pattern.matches(in: sentence, range: range).compactMap { m in
        Range(m.range, in: sentence).map { String(sentence[$0]).trimmed(of: [".", ",", ";", ":", " "]) }
      }
    }
    return found.filter { phrase in !found.contains { $0 != phrase && $0.contains(phrase) } }
  }

  /// The named source of an attribution ("reuters" in "told Reuters"), lower-cased, or "".
  static func attributionSource(_ attribution: String) -> String {
    let generic: Set<String> = [
      "told", "reporters", "journalists", "according", "to", "the", "news", "agency", "reported", "said", "quoted",
      "reporting", "from", "quoting", "on", "a", "an", "source", "sources", "diplomatic", "government", "in", "post",
      "recent", "statement", "wrote", "posted", "stated", "announced", "newspaper", "broadcaster", "daily", "outlet",
      "security", "military", "senior", "edited", "and", "published", "by",
    ]
    return Tokenizer.tokenize(attribution).map(\.text).filter { !generic.contains($0) }.joined(separator: " ")
  }
}

/// Everything ``FactExtractor`` finds in one version, with lookup sets for comparing.
public struct ExtractedFacts: Sendable {
  public var quotes: [String] = []
  /// Quotations whose paragraph names no speaker.
  public var unattributedQuotes = Set<String>()
  /// Sentences holding digits, with their numbers (mentions are cut from them on demand).
  public var numberSentences: [(String, [String])] = []
  public var names: [String] = []
  public var attributions: [String] = []
  var allWords = Set<String>()
  var capitalisedWords = Set<String>()
  var numberValues = Set<String>()
  var lowercasedText = ""
}
