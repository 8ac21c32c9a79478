import Foundation

/// Publication times as grouping compares them: an ISO 8601 time (`Article.published`,
/// `2026-12-07T09:30:00Z`, an offset such as `+02:00`, or a date alone) as seconds since
/// 1970, read by hand because grouping reads one per member of every component it clusters
/// again (Foundation's ISO 8601 formatter costs microseconds a call).
public enum PublicationTime {
  /// Seconds since 1970-01-01T00:00:00Z, or nil when `text` is not an ISO 8601 date or time.
  public static func seconds(_ text: String) -> Double? {
    let bytes = Array(text.utf8.prefix(32))
    func number(_ range: Range<Int>) -> Int? {
      guard range.upperBound <= bytes.count else { return nil }
      var value = 0
      for i in range {
        let digit = Int(bytes[i]) - 48
        guard (0...9).contains(digit) else { return nil }
        value = value * 10 + digit
      }
      return value
    }
    guard let year = number(0..<4), bytes.count >= 10, bytes[4] == 45, bytes[7] == 45, let month = number(5..<7),
      let day = number(8..<10), (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    var seconds = Double(daysFromCivil(year: year, month: month, day: day)) * 86_400
    guard bytes.count >= 16, bytes[10] == 84 || bytes[10] == 116 || bytes[10] == 32 else { return seconds }
    guard let hour = number(11..<13), let minute = number(14..<16) else { return seconds }
    seconds += Double(hour * 3_600 + minute * 60)
    var rest = 16
    if bytes.count >= 19, bytes[16] == 58, let second = number(17..<19) {
      seconds += Double(second)
      rest = 19
      while rest < bytes.count, bytes[rest] == 46 || (48...57).contains(bytes[rest]) { rest += 1 }
    }
    // An offset east of UTC means the same instant is earlier in UTC.
    if rest + 6 <= bytes.count, bytes[rest] == 43 || bytes[rest] == 45, let h = number((rest + 1)..<(rest + 3)),
      let m = number((rest + 4)..<(rest + 6))
    {
      let offset = Double(h * 3_600 + m * 60)
      seconds += bytes[rest] == 43 ? -offset : offset
    }
    return seconds
  }

  /// `date` as ISO 8601 in UTC (`2026-12-07T09:30:00Z`), the form the store and feeds keep.
  ///
  /// Through Foundation's `Date.ISO8601FormatStyle`, a value type, never
  /// `ISO8601DateFormatter`: on Linux that class creates its CoreFoundation formatter lazily
  /// and corrupts the heap when several threads do so at once (swift-corelibs-foundation
  /// issue 5533; our test process aborted about one run in five, decisions.md).
  public static func string(from date: Date) -> String { date.formatted(Self.style) }

  private static let style = Date.ISO8601FormatStyle()

  /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }
}
