import Foundation

/// Many rows changed by one statement: their keys bound as one JSON array, which the
/// statement reads with SQLite's `json_each` (built in since 3.38; Debian 12 has 3.40). A
/// statement per row spent more on binding and running each statement than on the change.
extension Store {
  /// `values` as a JSON array of strings.
  static func jsonArray(_ values: [String]) -> String {
    // Strings always serialise; the fallback is never taken.
    let data = (try? JSONSerialization.data(withJSONObject: values)) ?? Data("[]".utf8)
    return String(decoding: data, as: UTF8.self)
  }
}
