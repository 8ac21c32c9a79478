import Foundation

/// Normalises text for matching: Unicode compatibility form, straight quotes, one kind of
/// dash, single spaces. Display code keeps the original text; only matching uses this.
public enum TextNormalizer {
  /// Returns `text` in NFKC with quotes, dashes and whitespace folded.
  ///
  /// Line breaks are kept (as `"\n"`), runs of other whitespace become one space.
  /// - Complexity: O(n) in the length of `text`.
  public static func normalize(_ text: String) -> String {
    let ascii =
      text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? text.utf8.allSatisfy { $0 < 0x80 }
    let composed = ascii || isCompatibilityStable(text) ? text : text.precomposedStringWithCompatibilityMapping
    var out: [UInt8] = []
    out.reserveCapacity(composed.utf8.count)
    var pendingSpace = false
    var afterCR = false
    func put(_ scalar: Unicode.Scalar) {
      if scalar.value < 0x80 {
        out.append(UInt8(scalar.value))
      } else {
        out.append(contentsOf: UTF8.encode(scalar)!)
      }
    }
    func handle(_ scalar: Unicode.Scalar) {
      defer { afterCR = scalar == "\r" }
      if scalar == "\n" && afterCR { return }
      if scalar == "\n" || scalar == "\r" {
        out.append(0x0A)
        pendingSpace = false
        return
      }
      if isSpace(scalar) {
        pendingSpace = true
        return
      }
      if pendingSpace, let last = out.last, last != 0x0A { out.append(0x20) }
      pendingSpace = false
      put(fold(scalar))
    }
    if ascii {
      // The same steps byte by byte: of ASCII, fold changes only the grave accent.
      var contiguous = composed
      contiguous.makeContiguousUTF8()
      _ = contiguous.utf8.withContiguousStorageIfAvailable { bytes in
        for byte in bytes {
          let wasCR = afterCR
          afterCR = byte == 0x0D
          switch byte {
          case 0x0A where wasCR:
            continue
          case 0x0A, 0x0D:
            out.append(0x0A)
            pendingSpace = false
          case 0x20, 0x09, 0x0B, 0x0C:
            pendingSpace = true
          default:
            if pendingSpace, let last = out.last, last != 0x0A { out.append(0x20) }
            pendingSpace = false
            out.append(byte == 0x60 ? 0x27 : byte)
          }
        }
      }
    } else {
      for scalar in composed.unicodeScalars { handle(scalar) }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Whether `text` is its own NFKC form because every scalar is Latin-1 without a
  /// compatibility mapping: such scalars neither decompose nor compose with each other
  /// (Latin-1 has no combining marks), so the costly normalisation can be skipped for the
  /// common accented and mis-decoded (`Â£`) Western text.
  static func isCompatibilityStable(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy { $0.value < 0x100 && latin1Stable[Int($0.value)] }
  }

  /// For each Latin-1 scalar, whether NFKC leaves it as it is (a table: this is asked of
  /// every scalar of a text).
  static let latin1Stable: [Bool] = (0..<0x100).map { !latin1CompatibilityMapped.contains(UInt32($0)) }

  /// The Latin-1 scalars NFKC changes: no-break space, spacing diacritics, ª º µ, superscript
  /// digits and vulgar fractions.
  static let latin1CompatibilityMapped: Set<UInt32> = [
    0xA0, 0xA8, 0xAA, 0xAF, 0xB2, 0xB3, 0xB4, 0xB5, 0xB8, 0xB9, 0xBA, 0xBC, 0xBD, 0xBE,
  ]

  /// Whitespace other than line breaks (ASCII fast path), plus zero-width space and BOM.
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x80 {
      return scalar.value == 0x20 || scalar.value == 0x09 || scalar.value == 0x0B || scalar.value == 0x0C
    }
    return scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}"
  }

  /// Maps typographic quotes to ASCII quotes (every common style: “ ” „ ‘ ’ ‚ « » ‹ › 「 」
  /// 『 』), every dash to `-`, and the digits of every script (Arabic-Indic, Devanagari,
  /// Thai, …; full-width ones are already ASCII in NFKC) to ASCII digits, with the Arabic
  /// decimal and thousands separators.
  static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    switch scalar.value {
    case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC, 0x0060, 0x00B4, 0x2039, 0x203A: return "'"
    case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB, 0x300C, 0x300D, 0x300E, 0x300F: return "\""
    case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: return "-"
    case 0x066B: return "."
    case 0x066C: return ","
    case 0x0660...0x0669, 0x06F0...0x06F9, 0x0966...0x096F, 0x09E6...0x09EF, 0x0E50...0x0E59, 0x0ED0...0x0ED9,
      0x1040...0x1049, 0x17E0...0x17E9:
      return Unicode.Scalar(0x30 + UInt8(scalar.properties.numericValue.map(Int.init) ?? 0))
    default: return scalar
    }
  }
}
