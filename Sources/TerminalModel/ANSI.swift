/// ANSI escape sequences for writing styled text to a terminal outside ncurses (CLI output).
public enum ANSI {
  /// The SGR sequence that selects `style` from a reset state; empty for the plain style.
  public static func sgr(_ style: Style) -> String {
    var codes: [String] = []
    if style.bold { codes.append("1") }
    if style.dim { codes.append("2") }
    if style.underline { codes.append("4") }
    if style.reverse { codes.append("7") }
    if let f = style.foreground { codes.append(f < 8 ? "\(30 + Int(f))" : f < 16 ? "\(90 + Int(f) - 8)" : "38;5;\(f)") }
    if let b = style.background {
      codes.append(b < 8 ? "\(40 + Int(b))" : b < 16 ? "\(100 + Int(b) - 8)" : "48;5;\(b)")
    }
    return codes.isEmpty ? "" : "\u{1B}[" + codes.joined(separator: ";") + "m"
  }

  /// Runs as text, styled with SGR sequences when `colour` is true. The run text must already
  /// be free of control characters.
  public static func render(_ runs: [StyledRun], colour: Bool) -> String {
    guard colour else { return runs.map(\.text).joined() }
    return runs.map { run in
      let code = sgr(run.style)
      return code.isEmpty ? run.text : code + run.text + "\u{1B}[0m"
    }.joined()
  }
}
