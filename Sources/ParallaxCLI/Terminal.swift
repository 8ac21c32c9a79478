import Foundation
import ParallaxCore
import TerminalModel

/// Writing to standard output and standard error, with article text made safe to print.
public enum Terminal {
  /// Writes `text` to standard output, replacing control characters with visible placeholders.
  public static func print(_ text: String) {
    write(ControlCharacters.sanitize(text) + "\n", to: STDOUT_FILENO)
  }

  /// Writes an already-safe JSON line to standard output.
  public static func printJSON(_ json: String) {
    write(json + "\n", to: STDOUT_FILENO)
  }

  /// Writes a message to standard error.
  public static func error(_ text: String) {
    write(ControlCharacters.sanitize(text) + "\n", to: STDERR_FILENO)
  }

  /// Writes all of `text` to `fd`. When the reader has gone (`parallax list | head`), the
  /// process ends the way Unix tools do, by SIGPIPE, even where a library ignores SIGPIPE
  /// (SwiftNIO does), instead of trapping in FileHandle.
  public static func write(_ text: String, to fd: Int32) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
      if n > 0 {
        bytes = bytes.dropFirst(n)
      } else if n < 0 && errno == EINTR {
        continue
      } else {
        if errno == EPIPE {
          signal(SIGPIPE, SIG_DFL)
          raise(SIGPIPE)
        }
        return
      }
    }
  }

  /// Reports load problems on standard error.
  public static func report(_ diagnostics: [LoadDiagnostic]) {
    for diagnostic in diagnostics { error("parallax: \(diagnostic)") }
  }

  /// The terminal's width, or `$COLUMNS`, or nil.
  public static var columns: Int? {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    return ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init)
  }

  /// Whether standard output is a terminal.
  public static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
}
