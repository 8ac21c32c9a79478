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
/// For XML (`balancing`), tags are also balanced the way browsers balance HTML, because
/// libxml2's recovery, faced with an unclosed `<br>` or `<b>` inside a description, nests
/// every later item inside it: an end tag closes the elements still open inside its own
/// element, an end tag that matches nothing open is dropped, a `<` that starts no tag is
/// written `&lt;`, and what is open at the end (a truncated file) is closed. This is a
/// linear pass over UTF-8 bytes that keeps a stack of open names, not a parser: the tree
/// is libxml2's.
enum MarkupRepair {
  /// The repaired text of `text`.
  /// - Complexity: O(n).
  static func repair(_ text: String, balancing: Bool = false) -> [UInt8] {
    var line: Int?
    return repair(text, balancing: balancing, firstRepairLine: &line)
  }

  /// As ``repair(_:balancing:)``; `firstRepairLine` gets the line of the first element
  /// balancing had to close, drop or cut off (nil when the structure was sound).
  static func repair(_ text: String, balancing: Bool, firstRepairLine: inout Int?) -> [UInt8] {
    var text = text
    return text.withUTF8 { repair(bytes: $0, balancing: balancing, firstRepairLine: &firstRepairLine) }
  }

  static func repair(bytes: UnsafeBufferPointer<UInt8>, balancing: Bool, firstRepairLine: inout Int?) -> [UInt8] {
    var repairedAt: Int?
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
    var open: [[UInt8]] = []
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
        if balancing {
          i = balanceTag(bytes, at: i, open: &open, to: &out, repairedAt: &repairedAt)
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
    if !open.isEmpty && repairedAt == nil { repairedAt = n }
    for name in open.reversed() { appendEndTag(name, to: &out) }
    if let at = repairedAt {
      firstRepairLine = 1 + UnsafeBufferPointer(rebasing: bytes[0..<min(at, n)]).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
    return out
  }

  private static func appendEndTag(_ name: [UInt8], to out: inout [UInt8]) {
    out.append(contentsOf: [0x3C, 0x2F])
    out.append(contentsOf: name)
    out.append(0x3E)
  }

  private static func isNameStart(_ b: UInt8) -> Bool {
    (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 0x5F || b == 0x3A || b >= 0x80
  }

  private static func isNameByte(_ b: UInt8) -> Bool {
    isNameStart(b) || (b >= 48 && b <= 57) || b == 0x2D || b == 0x2E
  }

  /// Writes the tag at `i` (a `<`) balanced against `open`, and returns the index after it.
  private static func balanceTag(
    _ bytes: UnsafeBufferPointer<UInt8>, at i: Int, open: inout [[UInt8]], to out: inout [UInt8],
    repairedAt: inout Int?
  ) -> Int {
    func repaired() { if repairedAt == nil { repairedAt = i } }
    let n = bytes.count
    let next = i + 1 < n ? bytes[i + 1] : 0
    if next == 0x3F || next == 0x21 {  // <?…?> or <!…>: copied as written
      var k = i + 2
      while k < n && bytes[k] != 0x3E { k += 1 }
      let end = min(n, k + 1)
      appendDroppingControls(UnsafeBufferPointer(rebasing: bytes[i..<end]), to: &out)
      return end
    }
    let isEnd = next == 0x2F
    let nameStart = isEnd ? i + 2 : i + 1
    guard nameStart < n, isNameStart(bytes[nameStart]) else {
      out.append(contentsOf: "&lt;".utf8)  // a "<" that starts no tag, as in "a < b"
      repaired()
      return i + 1
    }
    var k = nameStart
    while k < n && isNameByte(bytes[k]) { k += 1 }
    let name = Array(bytes[nameStart..<k])
    // The tag's end, quotes respected; a tag cut off by the end of the file is dropped.
    var quote: UInt8 = 0
    var end = k
    while end < n {
      let b = bytes[end]
      if quote != 0 {
        if b == quote { quote = 0 }
      } else if b == 0x22 || b == 0x27 {
        quote = b
      } else if b == 0x3E {
        break
      } else if b == 0x3C {
        break  // a "<" inside a tag: the tag was never closed
      }
      end += 1
    }
    guard end < n else {
      repaired()
      return n
    }
    let closed = end < n && bytes[end] == 0x3E
    let after = closed ? end + 1 : end
    if isEnd {
      let match =
        open.lastIndex(of: name)
        ?? open.lastIndex { $0.count == name.count && zip($0, name).allSatisfy { lower($0) == lower($1) } }
      guard let match else {  // closes nothing that is open: dropped
        repaired()
        return after
      }
      if match != open.count - 1 || open[match] != name { repaired() }
      for inner in open[(match + 1)...].reversed() { appendEndTag(inner, to: &out) }
      appendEndTag(open[match], to: &out)
      open.removeSubrange(match...)
      return after
    }
    // A start tag: its attributes' references and "<" repaired, controls dropped.
    out.append(0x3C)
    var j = nameStart
    let selfClosing = closed && end > nameStart && bytes[end - 1] == 0x2F
    while j < end {
      let b = bytes[j]
      if b == 0x26 {
        j = appendReference(bytes, at: j, to: &out, limit: end)
        continue
      }
      if b >= 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { out.append(b) }
      j += 1
    }
    if !closed && !(out.last == 0x2F) {  // "<a <b>": the first is empty
      out.append(0x2F)
      repaired()
    }
    out.append(0x3E)
    if closed && !selfClosing { open.append(name) }
    return after
  }

  private static func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }

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
  private static func appendReference(
    _ bytes: UnsafeBufferPointer<UInt8>, at i: Int, to out: inout [UInt8], limit end: Int? = nil
  ) -> Int {
    var k = i + 1
    let count = end ?? bytes.count
    let limit = min(count, i + 40)
    while k < limit, isReferenceByte(bytes[k]) { k += 1 }
    guard k < count, bytes[k] == 0x3B, k > i + 1 else {
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
