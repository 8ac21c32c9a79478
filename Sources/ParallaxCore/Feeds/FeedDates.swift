import Foundation

/// Converts feed dates (RFC 822 in RSS, RFC 3339 in Atom and JSON Feed) to ISO 8601 UTC, so
/// that dates sort as text.
enum FeedDates {
  static func iso8601(_ text: String) -> String? {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    let iso = ISO8601DateFormatter()
    if let date = iso.date(from: trimmed) { return iso.string(from: date) }
    let fractional = ISO8601DateFormatter()
    fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let date = fractional.date(from: trimmed) { return iso.string(from: date) }
    for format in [
      "EEE, dd MMM yyyy HH:mm:ss Z", "EEE, d MMM yyyy HH:mm:ss Z", "dd MMM yyyy HH:mm:ss Z", "EEE, dd MMM yyyy HH:mm Z",
      "EEE, dd MMM yyyy HH:mm:ss zzz",
    ] {
      let formatter = DateFormatter()
      formatter.locale = Locale(identifier: "en_US_POSIX")
      formatter.dateFormat = format
      if let date = formatter.date(from: trimmed) { return iso.string(from: date) }
    }
    return nil
  }
}
