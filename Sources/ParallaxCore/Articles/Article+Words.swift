extension Article {
  /// Words in `text`: runs between whitespace. The one word count of pages, summaries and
  /// the reader.
  public static func wordCount(_ text: String) -> Int { text.split(whereSeparator: \.isWhitespace).count }

  /// Below this many words, an article with a web link is taken for a feed's summary of
  /// its page (the reader offers `p`; `parallax sync --full-pages` fetches the page).
  public static let summaryWords = 150

  /// The body's word count.
  public var wordCount: Int { Self.wordCount(body) }
}
