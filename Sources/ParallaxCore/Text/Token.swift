/// One word or number of a text, lower-cased, with the facts matching needs about it.
public struct Token: Sendable, Hashable {
  /// Lower-cased text; numbers without thousands separators ("1,000" is "1000").
  public var text: String
  /// The text as written (original case, separators kept).
  public var original: String
  /// Whether the token is a number.
  public var isNumber: Bool
  /// Whether the token starts with an upper-case letter.
  public var isCapitalized: Bool
  /// Whether every letter is upper case (acronyms, shouted headlines).
  public var isAllCaps: Bool
  /// Whether the token opens a sentence (its capital says nothing about being a name).
  public var startsSentence: Bool
  /// The index of the sentence the token belongs to, counted from 0.
  public var sentence: Int
}
