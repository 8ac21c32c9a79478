import Foundation

/// Normalises text for matching: Unicode compatibility form, straight quotes, one kind of
/// dash, single spaces. Display code keeps the original text; only matching uses this.
public enum TextNormalizer {
  /// Returns `text` in NFKC with quotes, dashes and whitespace folded.
  ///
  /// Line breaks are kept (as `"\n"`), runs of other whitespace become one space.
  /// - Complexity: O(n) in the length of `text`.
  public static func normalize(_ text: String) -> String {
    let composed = text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCompatibilityMapping
    var out = String.UnicodeScalarView()
    out.reserveCapacity(composed.unicodeScalars.count)
    var pendingSpace = false
    var afterCR = false
    for scalar in composed.unicodeScalars {
      defer { afterCR = scalar == "\r" }
      if scalar == "\n" && afterCR { continue }
      if scalar == "\n" || scalar == "\r" {
        out.append("\n")
        pendingSpace = false
        continue
      }
      if isSpace(scalar) {
        pendingSpace = true
        continue
      }
      if pendingSpace, let last = out.last, last != "\n" { out.append(" ") }
      pendingSpace = false
      out.append(fold(scalar))
    }
    return String(out)
  }

  /// Whitespace other than line breaks (ASCII fast path), plus zero-width space and BOM.
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x80 {
      return scalar.value == 0x20 || scalar.value == 0x09 || scalar.value == 0x0B || scalar.value == 0x0C
    }
    return scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}"
  }

  /// Maps typographic quotes to ASCII quotes and every dash to `-`.
  static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    switch scalar.value {
    case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC, 0x0060, 0x00B4: return "'"
    case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB, 0x300C, 0x300D: return "\""
    case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: return "-"
    default: return scalar
    }
  }
}
