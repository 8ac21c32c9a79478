/// Builds readable paragraphs from the UTF-8 bytes of text nodes: whitespace folded to one
/// space, control characters dropped (nothing from a page may reach the terminal as a
/// control sequence), empty paragraphs never made. Shared by feed content (``HTMLText``)
/// and web pages (``HTMLPage``).
struct ParagraphBuilder {
  private(set) var paragraphs: [String] = []
  private var current: [UInt8] = []
  private var pendingSpace = false

  /// Ends the paragraph being built, if it has anything.
  mutating func breakParagraph() {
    if !current.isEmpty { paragraphs.append(String(decoding: current, as: UTF8.self)) }
    current.removeAll(keepingCapacity: true)
    pendingSpace = false
  }

  /// Appends a NUL-terminated run of text.
  mutating func append(_ text: UnsafePointer<UInt8>) {
    var count = 0
    while text[count] != 0 { count += 1 }
    append(UnsafeBufferPointer(start: text, count: count))
  }

  /// Appends a Swift string's text.
  mutating func append(_ text: String) {
    var copy = text
    copy.withUTF8 { append($0) }
  }

  /// Appends a run of UTF-8 text.
  mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
    var i = 0
    let n = text.count
    while i < n {
      let b = text[i]
      if b < 0x80 {
        i += 1
        if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
          pendingSpace = !current.isEmpty
        } else if b >= 0x20 && b != 0x7F {
          if pendingSpace { current.append(0x20) }
          pendingSpace = false
          current.append(b)
        }
        continue
      }
      let width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
      let k = min(width, n - i)
      let bytes = UnsafeBufferPointer(rebasing: text[i..<(i + k)])
      i += k
      var decoder = UTF8()
      var iterator = bytes.makeIterator()
      guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { continue }
      if TextNormalizer.isSpace(scalar) {
        pendingSpace = !current.isEmpty
      } else if !HTMLText.isControl(scalar) {
        if pendingSpace { current.append(0x20) }
        pendingSpace = false
        current.append(contentsOf: bytes)
      }
    }
  }

  /// The paragraphs, separated by blank lines.
  mutating func finish() -> String {
    breakParagraph()
    return paragraphs.joined(separator: "\n\n")
  }
}
