import ParallaxCore
import Testing

/// The filter language of `F`.
@Suite struct StoryQueryTests {
  @Test func termsAreRequiredAndOrSeparatesAlternatives() throws {
    let q = try StoryQuery(parsing: "  unread feed:BBC storm \"power cut\" OR starred versions>=3 after:2026-11 ")
    #expect(q.text == "unread feed:BBC storm \"power cut\" OR starred versions>=3 after:2026-11")
    #expect(
      q.alternatives == [
        [.unread, .feed("bbc"), .words(["storm", "power cut"])],
        [.starred, .versions(.greaterOrEqual, 3), .after("2026-11")],
      ])
  }

  @Test(arguments: [
    ("versions>x", "versions>x: versions is compared with a number (versions>2)"),
    ("versions", "versions: write versions>N, versions<N or versions=N"),
    ("after:yesterday", "after:yesterday: a date is written YYYY-MM-DD"),
    ("before:2026-1-5", "before:2026-1-5: a date is written YYYY-MM-DD"),
    ("feed:", "feed: needs a name (feed:bbc)"),
    ("OR unread", "OR needs a term on each side"),
    ("unread OR", "OR needs a term on each side"),
    ("\"open", "a quote is left open"),
    ("   ", "an empty filter"),
  ])
  func mistakesAreNamed(input: String, message: String) {
    #expect(throws: StoryQuery.ParseError(description: message)) { try StoryQuery(parsing: input) }
  }

  @Test func lowercaseOrIsAWord() throws {
    #expect(try StoryQuery(parsing: "war or peace").alternatives == [[.words(["war", "or", "peace"])]])
  }
}
