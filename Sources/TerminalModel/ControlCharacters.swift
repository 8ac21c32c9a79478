/// Makes article text safe to print: no control character or escape sequence survives.
///
/// C0 controls become their Unicode "control picture" (ESC shows as `␛`), DEL shows as `␡`,
/// C1 controls (U+0080–U+009F, which some terminals treat as CSI, OSC …) show as `¿`.
/// Tab and line feed are kept unless `keepLayout` is false.
public enum ControlCharacters {
  /// Returns `text` with every control character replaced by a visible placeholder.
  /// - Complexity: O(n); returns `text` unchanged when it holds no control character.
  public static func sanitize(_ text: String, keepLayout: Bool = true) -> String {
    guard text.unicodeScalars.contains(where: { isControl($0, keepLayout: keepLayout) }) else {
      return text
    }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if isControl(scalar, keepLayout: keepLayout) {
        out.append(placeholder(for: scalar))
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }

  /// Whether `scalar` must not reach a terminal as is.
  public static func isControl(_ scalar: Unicode.Scalar, keepLayout: Bool = true) -> Bool {
    let v = scalar.value
    if keepLayout && (v == 0x0A || v == 0x09) { return false }
    return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v)
  }

  /// The visible stand-in for a control character.
  public static func placeholder(for scalar: Unicode.Scalar) -> Unicode.Scalar {
    let v = scalar.value
    if v < 0x20 { return Unicode.Scalar(0x2400 + v)! }
    if v == 0x7F { return "\u{2421}" }
    return "\u{00BF}"
  }
}
