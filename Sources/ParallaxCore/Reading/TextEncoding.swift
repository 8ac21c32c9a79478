import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A character encoding of the WHATWG Encoding Standard, named as the standard names it
/// (`windows-1252`, `shift_jis`, `gbk`…), and decoding bytes with it the way browsers do:
/// bytes that mean nothing in the encoding become U+FFFD, never an error.
public struct TextEncoding: Hashable, Sendable, CustomStringConvertible {
  /// The standard's name for the encoding.
  public let name: String

  public static let utf8 = TextEncoding(name: "utf-8")
  public static let windows1252 = TextEncoding(name: "windows-1252")
  public static let utf16LE = TextEncoding(name: "utf-16le")
  public static let utf16BE = TextEncoding(name: "utf-16be")

  private init(name: String) { self.name = name }

  /// The encoding a label means (`latin1`, `ISO-8859-1`, `us-ascii` all mean
  /// windows-1252; `gb2312` means gbk), or nil for a label the standard does not know.
  public init?(label: String) {
    let key = label.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'")))
      .lowercased()
    guard let name = Self.labels[key] else { return nil }
    self.name = name
  }

  public var description: String { name }

  /// Whether the encoding writes ASCII as ASCII (every one but UTF-16), so that a
  /// declaration inside the document could be read before knowing it.
  var isASCIICompatible: Bool { self != .utf16LE && self != .utf16BE }

  /// The text of `bytes` in this encoding.
  /// - Complexity: O(n).
  public func decode(_ bytes: UnsafeRawBufferPointer) -> String {
    let bytes = bytes.bindMemory(to: UInt8.self)
    switch name {
    case "utf-8": return Self.decodeUTF8(bytes, fallback: false)
    case "windows-1252": return Self.decodeSingleByte(bytes) { Self.windows1252Scalar($0) }
    case "x-user-defined":
      return Self.decodeSingleByte(bytes) { $0 < 0x80 ? Unicode.Scalar($0) : Unicode.Scalar(0xF700 + UInt32($0))! }
    case "utf-16le", "utf-16be": return Self.decodeUTF16(bytes, bigEndian: name == "utf-16be")
    case "replacement": return bytes.isEmpty ? "" : "\u{FFFD}"
    default: return Self.decodeWithIconv(bytes, from: iconvName)
    }
  }

  /// Decodes `data`.
  public func decode(_ data: Data) -> String { data.withUnsafeBytes { decode($0) } }

  /// UTF-8 where the bytes are UTF-8, and each byte that is not read as windows-1252: a
  /// file that mixes the two (Latin-1 pasted into a UTF-8 feed) reads as its writer meant.
  public static func decodeUTF8WithFallback(_ bytes: UnsafeRawBufferPointer) -> String {
    decodeUTF8(bytes.bindMemory(to: UInt8.self), fallback: true)
  }

  /// The name glibc's iconv knows this encoding by, for the encodings decoded through it.
  /// WHATWG's Shift_JIS, EUC-KR, GBK and Big5 are Microsoft's and Hong Kong's supersets,
  /// as browsers decode them.
  var iconvName: String {
    switch name {
    case "shift_jis": return "CP932"
    case "euc-kr": return "CP949"
    case "gbk", "gb18030": return "GB18030"
    case "big5": return "BIG5-HKSCS"
    case "ibm866": return "CP866"
    case "windows-874": return "CP874"
    case "x-mac-cyrillic": return "MAC-CYRILLIC"
    case "macintosh": return "MACINTOSH"
    case "iso-8859-8-i": return "ISO-8859-8"
    case let n where n.hasPrefix("windows-125"): return "CP" + n.dropFirst("windows-".count)
    default: return name.uppercased()
    }
  }

  /// What windows-1252 gives a byte (0x80–0x9F as the standard's table; bytes it leaves
  /// undefined are the C1 controls of the same value, which later steps drop).
  static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
    if byte >= 0x80 && byte <= 0x9F, let mapped = HTMLText.windows1252[Int(byte - 0x80)] { return mapped }
    return Unicode.Scalar(byte)
  }

  private static func decodeSingleByte(
    _ bytes: UnsafeBufferPointer<UInt8>, _ scalar: (UInt8) -> Unicode.Scalar
  ) -> String {
    var out = String.UnicodeScalarView()
    for byte in bytes { out.append(scalar(byte)) }
    return String(out)
  }

  private static func decodeUTF8(_ bytes: UnsafeBufferPointer<UInt8>, fallback: Bool) -> String {
    if let valid = String(validating: bytes, as: UTF8.self) { return valid }
    guard fallback else { return String(decoding: bytes, as: UTF8.self) }
    var out = String.UnicodeScalarView()
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if b < 0x80 {
        out.append(Unicode.Scalar(b))
        i += 1
        continue
      }
      let width = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 0
      if width > 0, i + width <= bytes.count,
        let scalar = String(validating: UnsafeBufferPointer(rebasing: bytes[i..<(i + width)]), as: UTF8.self)?
          .unicodeScalars.first
      {
        out.append(scalar)
        i += width
      } else {
        out.append(windows1252Scalar(b))
        i += 1
      }
    }
    return String(out)
  }

  private static func decodeUTF16(_ bytes: UnsafeBufferPointer<UInt8>, bigEndian: Bool) -> String {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var i = 0
    while i + 1 < bytes.count {
      units.append(
        bigEndian ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]) : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i]))
      i += 2
    }
    var text = String(decoding: units, as: UTF16.self)
    if bytes.count % 2 == 1 { text.append("\u{FFFD}") }
    return text
  }

  /// Decodes through iconv, a byte that iconv cannot read becoming U+FFFD.
  private static func decodeWithIconv(_ bytes: UnsafeBufferPointer<UInt8>, from encoding: String) -> String {
    let converter = iconv_open("UTF-8", encoding)
    guard converter != iconv_t(bitPattern: -1) else { return decodeUTF8(bytes, fallback: true) }
    defer { iconv_close(converter) }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count * 2)
    var chunk = [UInt8](repeating: 0, count: 16_384)
    var offset = 0
    while offset < bytes.count {
      var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(
        mutating: bytes.baseAddress! + offset
      ).assumingMemoryBound(to: CChar.self)
      var inLeft = bytes.count - offset
      let (result, code, produced, left) = chunk.withUnsafeMutableBufferPointer { out -> (Int, Int32, Int, Int) in
        var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(out.baseAddress!)
          .assumingMemoryBound(to: CChar.self)
        var outLeft = out.count
        let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
        return (result, errno, out.count - outLeft, inLeft)
      }
      output.append(contentsOf: chunk[0..<produced])
      offset = bytes.count - left
      if result == -1 {
        if code == E2BIG { continue }
        // EILSEQ (a byte the encoding does not define) or EINVAL (cut short at the end).
        output.append(contentsOf: [0xEF, 0xBF, 0xBD])
        offset += 1
        iconv(converter, nil, nil, nil, nil)
      }
    }
    return String(decoding: output, as: UTF8.self)
  }
}
