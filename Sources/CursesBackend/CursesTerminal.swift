import CNcursesw
import Foundation
import TerminalModel

/// The ncurses backend: the only code that imports ncurses. It puts changed cells, reads
/// keys and reports the size. Create it on the main thread and use it from there only.
public final class CursesTerminal {
  /// Why the terminal could not be started.
  public enum StartError: Error, CustomStringConvertible {
    case notATerminal
    case unknownTerminal(String)

    public var description: String {
      switch self {
      case .notATerminal:
        return "standard input and output must be a terminal (for text output use: parallax stories PATH...)"
      case .unknownTerminal(let name):
        return "unknown terminal type TERM=\(name.isEmpty ? "(unset)" : name); try TERM=xterm-256color"
      }
    }
  }

  private var screen: OpaquePointer?
  private var pairs: [Int: Int16] = [:]
  /// Whether the terminal shows colour (false with NO_COLOR or a monochrome terminal).
  public private(set) var colour = false
  private var previous: Buffer?
  private var stopped = false

  /// Starts curses on the controlling terminal.
  /// - Throws: ``StartError`` when stdin/stdout is not a terminal or `TERM` is unknown
  ///   (`newterm` reports it instead of exiting, as `initscr` would).
  public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw StartError.notATerminal }
    setlocale(LC_ALL, "")
    if String(cString: px_codeset()) != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
    let term = environment["TERM"] ?? ""
    guard !term.isEmpty, let s = px_newterm(nil) else { throw StartError.unknownTerminal(term) }
    screen = s
    set_term(s)
    cbreak()
    noecho()
    nonl()
    keypad(px_stdscr(), true)
    set_escdelay(25)
    curs_set(0)
    timeout(50)
    if environment["PARALLAX_NO_MOUSE"] == nil {
      mousemask(px_mouse_mask(), nil)
      mouseinterval(0)
    }
    if has_colors() && environment["NO_COLOR"] == nil {
      start_color()
      use_default_colors()
      colour = true
    }
  }

  /// Restores the terminal. Safe to call more than once.
  public func stop() {
    guard !stopped else { return }
    stopped = true
    endwin()
    if let screen { delscreen(screen) }
    screen = nil
  }

  deinit { stop() }

  /// Hands the terminal back (as on exit) so that another program can use it, until
  /// ``resume()``.
  public func suspend() {
    guard !stopped else { return }
    def_prog_mode()
    endwin()
  }

  /// Takes the terminal again after ``suspend()`` and repaints everything on the next draw.
  public func resume() {
    guard !stopped else { return }
    reset_prog_mode()
    invalidate()
    refresh()
  }

  /// The terminal size in cells.
  public var size: (width: Int, height: Int) { (Int(px_cols()), Int(px_lines())) }

  /// Draws `buffer`, sending only the cells that changed since the last frame.
  public func draw(_ buffer: Buffer) {
    for change in buffer.diff(from: previous) where change.cell.width > 0 {
      put(change.cell, x: change.x, y: change.y)
    }
    refresh()
    previous = buffer
  }

  /// Forgets the last frame, so the next draw repaints everything (after a resize).
  public func invalidate() {
    previous = nil
    clear()
  }

  private func put(_ cell: Cell, x: Int, y: Int) {
    var text = cell.text
    // ncurses advances by wcwidth of each scalar; a cluster it would measure differently
    // (ZWJ sequences, skin tones, VS16 emoji) is drawn as its base scalar, padded to the
    // cell width, so nothing to its right moves.
    let measured = text.unicodeScalars.reduce(0) { $0 + max(0, Int(wcwidth(wchar_t(bitPattern: $1.value)))) }
    if measured != Int(cell.width) {
      let base = text.unicodeScalars.first.map { String($0) } ?? " "
      let baseWidth = max(0, Int(wcwidth(wchar_t(bitPattern: base.unicodeScalars.first!.value))))
      text = baseWidth <= Int(cell.width) ? base + String(repeating: " ", count: Int(cell.width) - baseWidth) : "?"
      if baseWidth == 0 { text = String(repeating: " ", count: Int(cell.width)) }
    }
    _ = px_draw(Int32(y), Int32(x), text, attributes(cell.style), pair(cell.style))
  }

  private func attributes(_ style: Style) -> attr_t {
    var a = px_a_normal()
    if style.bold { a |= px_a_bold() }
    if style.dim { a |= px_a_dim() }
    if style.underline { a |= px_a_underline() }
    if style.reverse { a |= px_a_reverse() }
    return a
  }

  private func pair(_ style: Style) -> Int16 {
    guard colour, style.foreground != nil || style.background != nil else { return 0 }
    let limit = Int(px_colors())
    let fg = style.foreground.map { Int($0) < limit ? Int16($0) : Int16($0 % 8) } ?? -1
    let bg = style.background.map { Int($0) < limit ? Int16($0) : Int16($0 % 8) } ?? -1
    let key = Int(fg + 1) << 16 | Int(bg + 1)
    if let p = pairs[key] { return p }
    let next = Int16(pairs.count + 1)
    guard Int(next) < Int(px_color_pairs()) else { return 0 }
    init_pair(next, fg, bg)
    pairs[key] = next
    return next
  }

  /// Whether to mark links as OSC 8 hyperlinks: `PARALLAX_HYPERLINKS=1` or `0` decides;
  /// otherwise terminals known to support them (iTerm2, WezTerm, VS Code, kitty, foot,
  /// Windows Terminal, VTE ≥ 0.50).
  public static func supportsHyperlinks(_ environment: [String: String]) -> Bool {
    if let choice = environment["PARALLAX_HYPERLINKS"] { return choice == "1" }
    if ["iTerm.app", "WezTerm", "vscode"].contains(environment["TERM_PROGRAM"] ?? "") { return true }
    if let vte = environment["VTE_VERSION"].flatMap(Int.init), vte >= 5000 { return true }
    if environment["KITTY_WINDOW_ID"] != nil || environment["WT_SESSION"] != nil { return true }
    let term = environment["TERM"] ?? ""
    return term.hasPrefix("xterm-kitty") || term.hasPrefix("foot")
  }

  /// Marks the text already drawn at (`x`, `y`) as a hyperlink to `url` (OSC 8), keeping the
  /// cursor where ncurses left it. URLs with anything but printable ASCII are left alone.
  public func hyperlink(_ url: String, text: String, x: Int, y: Int) {
    guard url.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }), text.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x7F }),
      !text.unicodeScalars.contains(where: { (0x80...0x9F).contains($0.value) })
    else { return }
    let esc = "\u{1B}"
    write("\(esc)7\(esc)[\(y + 1);\(x + 1)H\(esc)]8;;\(url)\(esc)\\\(text)\(esc)]8;;\(esc)\\\(esc)8")
  }

  /// Puts `text` on the clipboard through the terminal (OSC 52; works over SSH).
  public func copyToClipboard(_ text: String) {
    write("\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}")
  }

  private func write(_ sequence: String) {
    fflush(nil)
    FileHandle.standardOutput.write(Data(sequence.utf8))
  }

  /// The next key, or nil when none arrived within the poll interval.
  public func readKey() -> Key? {
    var ch: wint_t = 0
    let result = get_wch(&ch)
    if result == ERR { return nil }
    if result == KEY_CODE_YES {
      switch Int32(ch) {
      case KEY_UP: return .up
      case KEY_DOWN: return .down
      case KEY_LEFT: return .left
      case KEY_RIGHT: return .right
      case KEY_NPAGE: return .pageDown
      case KEY_PPAGE: return .pageUp
      case KEY_HOME: return .home
      case KEY_END: return .end
      case KEY_BTAB: return .backTab
      case KEY_BACKSPACE: return .backspace
      case KEY_ENTER: return .enter
      case KEY_RESIZE: return .resize
      case KEY_MOUSE:
        var event = MEVENT()
        guard getmouse(&event) == OK else { return .unknown }
        switch px_mouse_kind(event.bstate) {
        case 1: return .click(x: Int(event.x), y: Int(event.y))
        case 4: return .wheelUp
        case 5: return .wheelDown
        default: return .unknown
        }
      default: return .unknown
      }
    }
    switch ch {
    case 10, 13: return .enter
    case 9: return .tab
    case 27: return .escape
    case 127, 8: return .backspace
    default:
      guard let scalar = Unicode.Scalar(UInt32(ch)), ch >= 32 else { return .unknown }
      return .character(Character(scalar))
    }
  }
}
