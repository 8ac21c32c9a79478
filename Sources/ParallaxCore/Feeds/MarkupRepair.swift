import Foundation

/// Prepares decoded markup for libxml2 so that everyday breakage costs nothing and
/// strangers' XML can do no harm, before the real parser reads it:
///
/// - character references: every HTML5 name (`&eacute;`, `&nbsp;`, which XML does not
///   define) becomes the numeric reference of its characters; numbers 128–159 mean what
///   windows-1252 gives them, as browsers read them; a number that is no character becomes
///   U+FFFD; an `&` that starts no reference (a bare `&` in a link, `&copy=2` in a query
///   string) becomes `&amp;`, i.e. stays as written;
/// - control characters other than tab and line breaks are dropped (XML forbids them);
/// - the XML declaration (the text is already decoded) and any `<!DOCTYPE …>` with its
///   internal subset are removed, so no entity is ever declared: no entity expansion
///   ("billion laughs"), no external entity or DTD is read, nothing touches a file or the
///   network;
/// - comments and CDATA sections are copied untouched.
///
/// Element structure is left to the parser (libxml2 in recovery mode closes, reopens and
/// skips what it must). This is a linear pass over UTF-8 bytes, not a parser.
enum MarkupRepair {
  /// The repaired text of `text`.
  /// - Complexity: O(n).
  static func repair(_ text: String) -> [UInt8] {
    var text = text
    return text.withUTF8 { repair(bytes: $0) }
  }

  static func repair(bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 16)
    let n = bytes.count
    func starts(_ prefix: StaticString, at j: Int, caseInsensitive: Bool = false) -> Bool {
      let count = prefix.utf8CodeUnitCount
      guard j + count <= n else { return false }
      for k in 0..<count {
        var b = bytes[j + k]
        if caseInsensitive && b >= 65 && b <= 90 { b += 32 }
        if b != prefix.utf8Start[k] { return false }
      }
      return true
    }
    /// The index just past `end` searched from `j`, or `n`.
    func skip(to end: StaticString, from j: Int) -> Int {
      var k = j
      while k < n {
        if bytes[k] == end.utf8Start[0] && starts(end, at: k) { return k + end.utf8CodeUnitCount }
        k += 1
      }
      return n
    }
    var i = 0
    // Leading whitespace and an XML declaration go.
    while i < n, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    if starts("<?xml", at: i, caseInsensitive: true), i + 5 < n, bytes[i + 5] <= 0x20 {
      i = skip(to: "?>", from: i)
    }
    while i < n {
      let c = bytes[i]
      if c == 0x3C {  // <
        if starts("<!--", at: i) {
          let end = skip(to: "-->", from: i + 4)
          out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
          i = end
          continue
        }
        if starts("<![CDATA[", at: i) {
          let end = skip(to: "]]>", from: i + 9)
          appendDroppingControls(UnsafeBufferPointer(rebasing: bytes[i..<end]), to: &out)
          i = end
          continue
        }
        if starts("<!doctype", at: i, caseInsensitive: true) {
          i = skipDoctype(bytes, from: i)
          continue
        }
        out.append(c)
        i += 1
        continue
      }
      if c == 0x26 {  // &
        i = appendReference(bytes, at: i, to: &out)
        continue
      }
      if c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D {
        i += 1
        continue
      }
      out.append(c)
      i += 1
    }
    return out
  }

  /// Skips `<!DOCTYPE …>`, its internal subset (`[ … ]`) included.
  private static func skipDoctype(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var depth = 0
    var quote: UInt8? = nil
    var k = start + 2
    while k < bytes.count {
      let b = bytes[k]
      if let q = quote {
        if b == q { quote = nil }
      } else if b == 0x22 || b == 0x27 {
        quote = b
      } else if b == 0x5B {
        depth += 1
      } else if b == 0x5D {
        depth = max(0, depth - 1)
      } else if b == 0x3E && depth == 0 {
        return k + 1
      }
      k += 1
    }
    return bytes.count
  }

  private static func appendDroppingControls(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    for b in bytes where b >= 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { out.append(b) }
  }

  /// Writes the reference starting at `i` (an `&`) in a form XML reads, and returns the
  /// index after it.
  private static func appendReference(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, to out: inout [UInt8])
    -> Int
  {
    var k = i + 1
    let limit = min(bytes.count, i + 40)
    while k < limit, isReferenceByte(bytes[k]) { k += 1 }
    guard k < bytes.count, bytes[k] == 0x3B, k > i + 1 else {
      out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
      return i + 1
    }
    let inside = String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<k]), as: UTF8.self)
    switch inside {
    case "amp", "lt", "gt", "quot", "apos":
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i...k]))
      return k + 1
    default:
      break
    }
    guard let decoded = HTMLText.decode(inside) else {
      out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])
      return i + 1
    }
    for scalar in decoded.unicodeScalars {
      out.append(contentsOf: "&#\(scalar.value);".utf8)
    }
    return k + 1
  }

  private static func isReferenceByte(_ b: UInt8) -> Bool {
    (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b == 0x23
  }
}
