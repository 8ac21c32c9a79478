import Foundation
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

  /// Times are written as the store and feeds keep them: UTC, whole seconds (a fraction is
  /// dropped, never rounded up), four-digit years; and read back to the same instant.
  @Test func timesAreWrittenInUTCToTheSecondAndReadBack() {
    #expect(PublicationTime.string(from: Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
    #expect(PublicationTime.string(from: Date(timeIntervalSince1970: 1_714_555_800.999)) == "2024-05-01T09:30:00Z")
    #expect(PublicationTime.string(from: Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
    #expect(PublicationTime.string(from: Date(timeIntervalSince1970: 253_402_300_799)) == "9999-12-31T23:59:59Z")
    for seconds in stride(from: -86_400 * 365, to: 86_400 * 365 * 60, by: 86_400 * 37 + 3_671) {
      let text = PublicationTime.string(from: Date(timeIntervalSince1970: Double(seconds)))
      #expect(PublicationTime.seconds(text) == Double(seconds), "\(text)")
    }
  }
}
