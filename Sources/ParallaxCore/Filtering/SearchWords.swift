import Foundation

/// Words as a filter matches them, the same whether the store's full-text index or a list
/// read into memory (`--no-store`) answers: the tokenizer's words (runs of unspaced scripts
/// as character pairs), case and diacritics folded, as FTS5's `unicode61` folds them. A
/// filter word or quoted phrase matches a text holding its words in a row; `port` is not in
/// "report".
public enum SearchWords {
  /// The words of `text`, folded.
  public static func of(_ text: String) -> [String] {
    Tokenizer.tokenize(TextNormalizer.normalize(text)).map { token in
      token.text.utf8.allSatisfy { $0 < 0x80 }
        ? token.text : token.text.folding(options: .diacriticInsensitive, locale: nil)
    }
  }

  /// Whether `words` (a text's, from ``of(_:)``) hold `phrase`'s words in a row; an empty
  /// phrase matches nothing.
  public static func contains(_ words: [String], phrase: [String]) -> Bool {
    guard let first = phrase.first, phrase.count <= words.count else { return false }
    var i = 0
    while i + phrase.count <= words.count {
      if words[i] == first && words[i..<(i + phrase.count)].elementsEqual(phrase) { return true }
      i += 1
    }
    return false
  }
}
