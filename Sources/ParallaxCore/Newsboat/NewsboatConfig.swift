import Foundation

/// newsboat's `config` file read for what has a Parallax meaning: `browser` and the
/// `bind-key` lines whose action exists here become Parallax settings (``toml``); every
/// other setting is listed as not carried over, with the reason, one line each.
public struct NewsboatConfig: Sendable, Equatable {
  /// One setting and what became of it.
  public struct Setting: Sendable, Equatable {
    public var line: Int
    public var text: String
    /// Nil when carried over.
    public var notCarried: String?
  }

  public var settings: [Setting] = []
  public var browser: String?
  /// From `reload-threads`.
  public var syncConcurrency: Int?
  /// Parallax action name → keys, from `bind-key`.
  public var keys: [(action: String, key: String)] = []

  public static func == (a: Self, b: Self) -> Bool {
    a.settings == b.settings && a.browser == b.browser && a.keys.map(\.action) == b.keys.map(\.action)
      && a.keys.map(\.key) == b.keys.map(\.key)
  }

  /// newsboat actions with a Parallax counterpart.
  static let actions: [String: String] = [
    "open": "open", "quit": "back", "reload": "reload", "reload-all": "reload-all",
    "open-in-browser": "open-in-browser", "toggle-article-read": "toggle-read", "mark-feed-read": "mark-all-read",
    "mark-all-feeds-read": "mark-all-read", "toggle-show-read-feeds": "toggle-unread-only", "up": "up",
    "down": "down", "pageup": "page-up", "pagedown": "page-down", "home": "top", "end": "bottom",
    "search": "search", "set-filter": "filter", "help": "help", "next": "down", "prev": "up",
    "edit-flags": "star", "next-feed": "down", "prev-feed": "up", "view-dialogs": "log",
  ]

  /// Why common settings are not carried over.
  static let reasons: [String: String] = [
    "max-items": "Parallax keeps every article it stored (reading once replaces trimming)",
    "auto-reload": "Parallax reloads with R, or from cron or a timer running parallax sync --quiet",
    "reload-time": "Parallax reloads with R, or from cron or a timer running parallax sync --quiet",
    "show-read-feeds": "the feeds screen shows every feed; U shows only unread stories",
    "show-read-articles": "U shows only unread stories",
    "color": "colours are set in [colors] of config.toml",
    "highlight": "Parallax does not highlight by pattern",
    "articlelist-format": "Parallax's lists have a fixed layout",
    "feedlist-format": "Parallax's lists have a fixed layout",
    "text-width": "the reader wraps at the terminal's width",
    "notify-program": "Parallax runs no programs after a sync",
    "notify-always": "Parallax runs no programs after a sync",
    "macro": "Parallax has no macros",
    "unbind-key": "unbind an action by binding it to other keys in [keys]",
    "include": "included files are not read; import them one by one",
    "urls-source": "Parallax reads feeds itself (no online aggregators)",
    "cookie-cache": "Parallax sends no cookies",
    "user-agent": "Parallax sends its own user agent",
    "download-path": "Parallax downloads no podcasts",
    "player": "Parallax plays no podcasts",
  ]

  public init(parsing text: String) {
    for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") { continue }
      let fields = NewsboatURLs.fields(line) ?? line.split(separator: " ").map(String.init)
      guard let name = fields.first else { continue }
      var setting = Setting(line: offset + 1, text: line, notCarried: nil)
      switch name {
      case "browser" where fields.count >= 2:
        browser = fields.dropFirst().joined(separator: " ")
      case "reload-threads" where fields.count == 2:
        if let n = Int(fields[1]), (1...64).contains(n) {
          syncConcurrency = n
        } else {
          setting.notCarried = "\(fields[1]) is not a number of feeds from 1 to 64"
        }
      case "bind-key" where fields.count >= 3:
        let key = fields[1]
        guard let action = Self.actions[fields[2]] else {
          setting.notCarried = "no Parallax action like \(fields[2])"
          break
        }
        guard key.count == 1 || ["ENTER", "TAB", "ESC", "UP", "DOWN", "PPAGE", "NPAGE", "HOME", "END"].contains(key)
        else {
          setting.notCarried = "key \(key) has no Parallax name"
          break
        }
        keys.append((action, Self.keyName(key)))
      default:
        setting.notCarried = Self.reasons[name] ?? "no Parallax setting like \(name)"
      }
      settings.append(setting)
    }
  }

  /// newsboat key names in Parallax's spelling.
  static func keyName(_ key: String) -> String {
    switch key {
    case "ENTER": return "Enter"
    case "TAB": return "Tab"
    case "ESC": return "Esc"
    case "UP": return "Up"
    case "DOWN": return "Down"
    case "PPAGE": return "PageUp"
    case "NPAGE": return "PageDown"
    case "HOME": return "Home"
    case "END": return "End"
    default: return key
    }
  }

  /// The Parallax settings carried over, as `config.toml` text (empty when none).
  public var toml: String {
    var out = ""
    if let browser { out += "browser = \"\(browser.replacingOccurrences(of: "\"", with: ""))\"\n" }
    if let syncConcurrency { out += "sync-concurrency = \(syncConcurrency)\n" }
    var grouped: [(String, [String])] = []
    for (action, key) in keys {
      if let i = grouped.firstIndex(where: { $0.0 == action }) {
        grouped[i].1.append(key)
      } else {
        grouped.append((action, [key]))
      }
    }
    if !grouped.isEmpty {
      out += (out.isEmpty ? "" : "\n") + "[keys]\n"
      for (action, keys) in grouped {
        out +=
          "\(action) = [" + keys.map { "\"\($0.replacingOccurrences(of: "\"", with: ""))\"" }.joined(separator: ", ")
          + "]\n"
      }
    }
    return out
  }

  /// One line per setting: carried over, or not and why.
  public func report(_ path: String) -> [String] {
    settings.map { s in
      "\(path):\(s.line): \(s.text): " + (s.notCarried.map { "not carried over: \($0)" } ?? "carried over")
    }
  }
}
