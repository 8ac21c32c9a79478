import ParallaxCore
import Testing

/// Publication times as grouping reads them for the day limits of both levels.
@Suite struct PublicationTimeTests {
  @Test func isoTimesOffsetsAndDatesAreReadAndAnythingElseIsUnknown() {
    #expect(PublicationTime.seconds("1970-01-02T00:00:00Z") == 86_400)
    #expect(PublicationTime.seconds("1970-01-02") == 86_400)
    #expect(PublicationTime.seconds("2026-12-07T11:30:00+02:00") == PublicationTime.seconds("2026-12-07T09:30:00Z"))
    #expect(PublicationTime.seconds("2026-12-07T09:30:00.250Z") == PublicationTime.seconds("2026-12-07T09:30:00Z"))
    let day = PublicationTime.seconds("2024-03-01")! - PublicationTime.seconds("2024-02-28")!
    #expect(day == 2 * 86_400, "a leap year")
    for bad in [
      "", "2026", "2026-13-01", "2026-1-01", "yesterday", "２０２６-１２-０７", "\u{1b}[2J",
      String(repeating: "9", count: 10_000),
    ] {
      #expect(PublicationTime.seconds(bad) == nil, "\(bad.prefix(20))")
    }
  }
}
