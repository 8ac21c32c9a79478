import Foundation
import Synchronization

/// Converts feed dates (RFC 822 in RSS, RFC 3339 in Atom and JSON Feed) to ISO 8601 UTC
/// (`2024-05-01T09:30:00Z`), so that dates sort as text.
///
/// Both formats are parsed by hand: Foundation's date formatters cost tens of microseconds
/// each to create and dominated the reading of large feeds. Anything else falls back to them.
enum FeedDates {
  static func iso8601(_ text: String) -> String? {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    if let fast = rfc3339(trimmed) ?? rfc822(trimmed) { return fast }
    // Date formats are ASCII; and Foundation's formatter traps on some other text (a range
    // error inside CFDateFormatter, found by fuzzing), so nothing else reaches it.
    guard trimmed.utf8.count <= 64, trimmed.allSatisfy(\.isASCII) else { return nil }
    // One thread at a time: on Linux, CoreFoundation's date formatters are made lazily from
    // shared state, and made on several threads at once they corrupt the heap (decisions.md).
    let date = fallback.withLock { _ -> Date? in
      for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd"] {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        if let date = formatter.date(from: trimmed) { return date }
      }
      return nil
    }
    return date.map(PublicationTime.string(from:))
  }

  private static let fallback = Mutex(())

  static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
  static let zones: [String: Int] = [
    "GMT": 0, "UT": 0, "UTC": 0, "Z": 0, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420,
    "MDT": -360, "PST": -480, "PDT": -420,
  ]

  /// `Wed, 01 May 2024 09:30:00 +0200` (day name, seconds optional; named US zones).
  static func rfc822(_ text: String) -> String? {
    var parts = text.split(separator: " ").map(String.init)
    if let first = parts.first, first.hasSuffix(",") || first.count == 3 && Int(first) == nil { parts.removeFirst() }
    guard parts.count >= 4, let day = Int(parts[0]),
      let month = months.firstIndex(of: String(parts[1].prefix(3)).lowercased()), var year = Int(parts[2])
    else { return nil }
    if year < 100 { year += year < 50 ? 2000 : 1900 }
    let time = parts[3].split(separator: ":").map { Int($0) }
    guard time.count >= 2, time.allSatisfy({ $0 != nil }) else { return nil }
    let zone = parts.count > 4 ? parts[4] : "GMT"
    var offset: Int
    if let named = zones[zone.uppercased()] {
      offset = named
    } else if zone.count == 5, let sign = zone.first, sign == "+" || sign == "-", let value = Int(zone.dropFirst()) {
      offset = (value / 100 * 60 + value % 100) * (sign == "-" ? -1 : 1)
    } else {
      return nil
    }
    if zone.count == 1 && zone != "Z" { offset = 0 }
    return utc(
      year: year, month: month + 1, day: day, hour: time[0]!, minute: time[1]!, second: time.count > 2 ? time[2]! : 0,
      offsetMinutes: offset)
  }

  /// `2024-05-01T09:30:00Z`, `2024-05-01T09:30:00.123+02:00`.
  static func rfc3339(_ text: String) -> String? {
    let b = Array(text.utf8)
    func number(_ from: Int, _ count: Int) -> Int? {
      guard from + count <= b.count else { return nil }
      var v = 0
      for i in from..<(from + count) {
        guard b[i] >= 48 && b[i] <= 57 else { return nil }
        v = v * 10 + Int(b[i] - 48)
      }
      return v
    }
    guard b.count >= 20, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
      b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: "t") || b[10] == UInt8(ascii: " "),
      b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
      let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
      let minute = number(14, 2), let second = number(17, 2)
    else { return nil }
    var i = 19
    if i < b.count && b[i] == UInt8(ascii: ".") {
      i += 1
      while i < b.count && b[i] >= 48 && b[i] <= 57 { i += 1 }
    }
    guard i < b.count else { return nil }
    var offset = 0
    if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
      guard i + 1 == b.count else { return nil }
    } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
      guard i + 6 == b.count, b[i + 3] == UInt8(ascii: ":"), let h = number(i + 1, 2), let m = number(i + 4, 2) else {
        return nil
      }
      offset = (h * 60 + m) * (b[i] == UInt8(ascii: "-") ? -1 : 1)
    } else {
      return nil
    }
    return utc(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offsetMinutes: offset)
  }

  /// The UTC time `offsetMinutes` before the given local time, as ISO 8601; nil when invalid.
  static func utc(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offsetMinutes: Int) -> String? {
    // Years outside 1–9999 are no date a feed means (and far ones would overflow the
    // arithmetic below: a fuzzer found `Jul 8888888888`).
    guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour),
      (0...59).contains(minute), (0...60).contains(second), abs(offsetMinutes) <= 24 * 60
    else { return nil }
    // Days from civil (Howard Hinnant's algorithm).
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    let days = era * 146097 + doe - 719468
    let seconds = days * 86400 + hour * 3600 + minute * 60 + min(second, 59) - offsetMinutes * 60
    // Back to civil.
    let z = Int((Double(seconds) / 86400).rounded(.down)) + 719468
    let secondsOfDay = seconds - (z - 719468) * 86400
    let era2 = (z >= 0 ? z : z - 146096) / 146097
    let doe2 = z - era2 * 146097
    let yoe2 = (doe2 - doe2 / 1460 + doe2 / 36524 - doe2 / 146096) / 365
    let doy2 = doe2 - (365 * yoe2 + yoe2 / 4 - yoe2 / 100)
    let mp = (5 * doy2 + 2) / 153
    let d = doy2 - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let yr = yoe2 + era2 * 400 + (m <= 2 ? 1 : 0)
    func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    let yearText = String(yr)
    return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText + "-" + two(m) + "-" + two(d) + "T"
      + two(secondsOfDay / 3600) + ":" + two(secondsOfDay % 3600 / 60) + ":" + two(secondsOfDay % 60) + "Z"
  }
}
