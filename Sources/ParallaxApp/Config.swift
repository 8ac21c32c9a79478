import TerminalModel

/// The user's settings from `$XDG_CONFIG_HOME/parallax/config.toml`: key bindings and colours.
///
/// The file is a small TOML subset: `[keys]` and `[colors]` tables of `name = "value"` or
/// `name = ["value", …]` on one line each, `#` comments. Every problem is reported with its
/// line number; nothing is silently ignored.
public struct Config: Sendable {
  public var keymap = Keymap()
  public var theme = Theme.colour
  /// `browser = "w3m %u"`: the command `o` opens links with (else `$BROWSER`).
  public var browser: String?
  /// `browser-mode = "terminal"` (hand the terminal over until it ends) or `"detach"`.
  public var browserMode = BrowserCommand.Mode.terminal

  /// `sync-concurrency = 8`: feeds synced at a time, by `R` and `parallax sync` (which a
  /// `--concurrency` overrides).
  public var syncConcurrency: Int?
  /// `sync-timeout = 20`: seconds without data before a feed fails.
  public var syncTimeout: Double?
  /// `list = "threads"` (the default: one row per developing story) or `"reports"` (every
  /// report): what the story list starts with; `T` switches.
  public var listThreads = true

  /// `[server]`: the reader server `parallax sync` and `R` sync with, instead of fetching
  /// feeds.
  public var server: ServerConfig?

  /// Settings written before any table.
  public static let topLevelSettings = ["browser", "browser-mode", "sync-concurrency", "sync-timeout", "list"]

  /// A problem in the file.
  public struct ParseError: Error, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "config.toml:\(line): \(message)" }
  }

  public init() {}

  /// Parses the file's text.
  /// - Throws: ``ParseError`` naming the line of the first problem.
  public init(parsing text: String) throws {
    var section = ""
    var specs = ActionTable.specs
    var rebound: [Action: Int] = [:]
    var theme = Theme.colour
    var server: [String: (value: String, line: Int)] = [:]
    var serverLine = 0
    for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let number = offset + 1
      let line = Self.stripComment(String(rawLine)).configTrimmed
      if line.isEmpty { continue }
      if line.hasPrefix("[") {
        guard line.hasSuffix("]") else { throw ParseError(line: number, message: "unclosed table header") }
        section = String(line.dropFirst().dropLast()).configTrimmed
        guard ["keys", "colors", "server"].contains(section) else {
          throw ParseError(line: number, message: "unknown table [\(section)] (known: [keys], [colors], [server])")
        }
        if section == "server" { serverLine = number }
        continue
      }
      guard let equals = line.firstIndex(of: "=") else {
        throw ParseError(line: number, message: "expected name = value")
      }
      let name = String(line[..<equals]).configTrimmed
      let rawValue = String(line[line.index(after: equals)...]).configTrimmed
      // Numbers may be written bare (`sync-concurrency = 8`), as TOML writes them.
      let values =
        section.isEmpty && !rawValue.isEmpty && rawValue.allSatisfy({ $0.isNumber || $0 == "." })
        ? [rawValue] : try Self.values(rawValue, line: number)
      switch section {
      case "keys":
        guard let action = Action(rawValue: name) else {
          let known = Action.allCases.map(\.rawValue).joined(separator: ", ")
          throw ParseError(line: number, message: "unknown action \"\(name)\" (known: \(known))")
        }
        let keys = try values.map { value -> Key in
          guard let key = Key(name: value) else {
            throw ParseError(line: number, message: "unknown key \"\(value)\" for \(name)")
          }
          return key
        }
        guard rebound[action] == nil else {
          throw ParseError(line: number, message: "\(name) is bound twice (first on line \(rebound[action]!))")
        }
        rebound[action] = number
        let index = specs.firstIndex { $0.action == action }!
        specs[index].keys = keys
      case "server":
        guard ServerConfig.settings.contains(name) else {
          throw ParseError(
            line: number,
            message: "unknown server setting \"\(name)\" (known: \(ServerConfig.settings.joined(separator: ", ")))")
        }
        guard values.count == 1 else { throw ParseError(line: number, message: "\(name) takes one value") }
        guard server[name] == nil else {
          throw ParseError(line: number, message: "\(name) is set twice (first on line \(server[name]!.line))")
        }
        server[name] = (values[0], number)
      case "colors":
        guard values.count == 1, let colour = Self.colour(values[0]) else {
          throw ParseError(
            line: number, message: "\"\(values.joined())\" is not a colour (a name such as red or 0–255)")
        }
        guard theme.setForeground(colour, for: name) else {
          throw ParseError(
            line: number,
            message: "unknown colour setting \"\(name)\" (known: \(Theme.settings.joined(separator: ", ")))")
        }
      case "":
        guard values.count == 1 else { throw ParseError(line: number, message: "\(name) takes one value") }
        switch name {
        case "browser":
          guard let words = BrowserCommand.split(values[0]), !words.isEmpty else {
            throw ParseError(line: number, message: "browser: an empty command or an unclosed quote")
          }
          browser = values[0]
        case "browser-mode":
          guard let mode = BrowserCommand.Mode(rawValue: values[0]) else {
            throw ParseError(line: number, message: "browser-mode is \"terminal\" or \"detach\", not \"\(values[0])\"")
          }
          browserMode = mode
        case "sync-concurrency":
          guard let n = Int(values[0]), (1...64).contains(n) else {
            throw ParseError(line: number, message: "sync-concurrency is a number of feeds from 1 to 64")
          }
          syncConcurrency = n
        case "list":
          guard ["threads", "reports"].contains(values[0]) else {
            throw ParseError(line: number, message: "list is \"threads\" or \"reports\", not \"\(values[0])\"")
          }
          listThreads = values[0] == "threads"
        case "sync-timeout":
          guard let seconds = Double(values[0]), seconds > 0, seconds <= 600 else {
            throw ParseError(line: number, message: "sync-timeout is a number of seconds above 0, at most 600")
          }
          syncTimeout = seconds
        default:
          throw ParseError(
            line: number,
            message:
              "unknown setting \"\(name)\" (known before any table: \(Self.topLevelSettings.joined(separator: ", ")); key bindings go in [keys], colours in [colors], a reader server in [server])"
          )
        }
      default:
        throw ParseError(line: number, message: "settings must be inside [keys], [colors] or [server]")
      }
    }
    try Self.checkConflicts(specs, lines: rebound)
    if serverLine > 0 { self.server = try ServerConfig(server, line: serverLine) }
    keymap = Keymap(specs: specs)
    self.theme = theme
  }

  /// Two actions on one screen must not share a key.
  /// The error names the line of a rebound action involved (the config's last word on it).
  static func checkConflicts(_ specs: [ActionSpec], lines: [Action: Int]) throws {
    var seen: [ScreenKind: [Key: Action]] = [:]
    for spec in specs {
      for screen in spec.screens {
        for key in spec.keys {
          if let other = seen[screen]?[key], other != spec.action {
            throw ParseError(
              line: lines[spec.action] ?? lines[other] ?? 0,
              message: "key \(key.name) is bound to both \(other.rawValue) and \(spec.action.rawValue)")
          }
          seen[screen, default: [:]][key] = spec.action
        }
      }
    }
  }

  /// `"x"` or `["x", "y"]`.
  static func values(_ text: String, line: Int) throws -> [String] {
    func string(_ s: Substring) throws -> String {
      let t = String(s).configTrimmed
      guard t.count >= 2, t.first == "\"", t.last == "\"" else {
        throw ParseError(line: line, message: "expected a quoted string, found \(t)")
      }
      return String(t.dropFirst().dropLast())
    }
    if text.hasPrefix("[") {
      guard text.hasSuffix("]") else { throw ParseError(line: line, message: "unclosed list") }
      let inner = text.dropFirst().dropLast()
      if inner.trimmingSpaces.isEmpty { return [] }
      return try inner.split(separator: ",").map(string)
    }
    return [try string(Substring(text))]
  }

  /// The line without a `#` comment (outside quotes).
  static func stripComment(_ line: String) -> String {
    var inQuotes = false
    var out = ""
    for c in line {
      if c == "\"" { inQuotes.toggle() }
      if c == "#" && !inQuotes { break }
      out.append(c)
    }
    return out
  }

  static let colourNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

  /// A colour name (`red`, `bright-red`) or palette index (`0`–`255`).
  static func colour(_ text: String) -> UInt8? {
    if let n = UInt8(text) { return n }
    let lower = text.lowercased()
    if let i = colourNames.firstIndex(of: lower) { return UInt8(i) }
    if lower.hasPrefix("bright-"), let i = colourNames.firstIndex(of: String(lower.dropFirst(7))) {
      return UInt8(i + 8)
    }
    return nil
  }
}

extension Theme {
  /// The colour settings a config can change.
  public static let settings = ["deleted", "inserted", "moved", "gutter", "border", "warning"]

  /// Sets the text colour of a named element; false for an unknown name.
  mutating func setForeground(_ colour: UInt8, for name: String) -> Bool {
    switch name {
    case "deleted": deleted.foreground = colour
    case "inserted": inserted.foreground = colour
    case "moved": moved.foreground = colour
    case "gutter": gutter.foreground = colour
    case "border": border.foreground = colour
    case "warning": warning.foreground = colour
    default: return false
    }
    return true
  }
}

extension Substring {
  fileprivate var trimmingSpaces: String { String(self).configTrimmed }
}

extension String {
  /// Without surrounding spaces and tabs.
  var configTrimmed: String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
    return String(s)
  }
}
