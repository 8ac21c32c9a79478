import Foundation
import ParallaxCore

/// How `o` opens a link: the command from the config (`browser = "w3m %u"`), else the
/// first entry of `$BROWSER`, else none (the link is then copied with OSC 52 and shown as
/// an OSC 8 link). The command is split into words here and run without a shell, the link
/// as one argument in place of `%u` (or last), so nothing in a link is ever interpreted.
public struct BrowserCommand: Sendable, Equatable {
  /// How the command runs.
  public enum Mode: String, Sendable, Equatable, CaseIterable {
    /// The terminal is handed over (curses suspended) until the command ends: text browsers.
    case terminal
    /// The command runs on its own, its output discarded; the interface stays: graphical
    /// browsers, `xdg-open`.
    case detach
  }

  /// The words of the command, `%u` where the link goes.
  public var words: [String]
  public var mode: Mode

  public init(words: [String], mode: Mode) {
    self.words = words
    self.mode = mode
  }

  /// The command to use, from the config's setting or `BROWSER` (`a:b` lists several; the
  /// first is used). Nil when neither names one.
  public static func resolve(configured: String?, mode: Mode, environment: [String: String]) -> BrowserCommand? {
    let text =
      configured
      ?? environment["BROWSER"].flatMap { $0.split(separator: ":").first.map(String.init) }
    guard let text, let words = split(text), !words.isEmpty else { return nil }
    return BrowserCommand(words: words, mode: mode)
  }

  /// The program and its arguments for `url`: `%u` (and `%s`, as `BROWSER` conventionally
  /// writes it) replaced, else the link appended.
  public func arguments(for url: String) -> [String] {
    var replaced = false
    let filled = words.map { word -> String in
      guard word.contains("%u") || word.contains("%s") else { return word }
      replaced = true
      return word.replacingOccurrences(of: "%u", with: url).replacingOccurrences(of: "%s", with: url)
    }
    return replaced ? filled : filled + [url]
  }

  /// Whether a link may be handed to a browser: `http`/`https` only, printable ASCII (a
  /// link beginning with `-` would be read as an option; other schemes could run things).
  public static func isOpenable(_ url: String) -> Bool {
    WebLink.isWeb(url) && url.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
  }

  /// Words as a shell would split them, without expanding anything: spaces separate,
  /// single and double quotes group, a backslash escapes the next character. Nil when a
  /// quote is left open.
  public static func split(_ text: String) -> [String]? {
    var words: [String] = []
    var current = ""
    var inWord = false
    var quote: Character?
    var escaped = false
    for c in text {
      if escaped {
        current.append(c)
        escaped = false
        continue
      }
      if let q = quote {
        if c == q { quote = nil } else if c == "\\" && q == "\"" { escaped = true } else { current.append(c) }
        continue
      }
      switch c {
      case "\\":
        escaped = true
        inWord = true
      case "\"", "'":
        quote = c
        inWord = true
      case " ", "\t":
        if inWord { words.append(current) }
        current = ""
        inWord = false
      default:
        current.append(c)
        inWord = true
      }
    }
    guard quote == nil, !escaped else { return nil }
    if inWord { words.append(current) }
    return words
  }
}
