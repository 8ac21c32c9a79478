import Foundation
import ParallaxCore
import TerminalModel

/// Writing to standard output and standard error, with article text made safe to print.
enum Terminal {
  /// Writes `text` to standard output, replacing control characters with visible placeholders.
  static func print(_ text: String) {
    FileHandle.standardOutput.write(Data((ControlCharacters.sanitize(text) + "\n").utf8))
  }

  /// Writes an already-safe JSON line to standard output.
  static func printJSON(_ json: String) {
    FileHandle.standardOutput.write(Data((json + "\n").utf8))
  }

  /// Writes a message to standard error.
  static func error(_ text: String) {
    FileHandle.standardError.write(Data((ControlCharacters.sanitize(text) + "\n").utf8))
  }

  /// Reports load problems on standard error.
  static func report(_ diagnostics: [LoadDiagnostic]) {
    for diagnostic in diagnostics { error("parallax: \(diagnostic)") }
  }

  /// The terminal's width, or `$COLUMNS`, or nil.
  static var columns: Int? {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    return ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init)
  }

  /// Whether standard output is a terminal.
  static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
}
