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
  /// config.toml's `[server]` settings from `urls-source "ttrss"` and the `ttrss-*` lines
  /// (kind, url, login, password, password-file, password-command).
  public var server: [(name: String, value: String)] = []

  public static func == (a: Self, b: Self) -> Bool {
    a.settings == b.settings && a.browser == b.browser && a.keys.map(\.action) == b.keys.map(\.action)
      && a.keys.map(\.key) == b.keys.map(\.key) && a.server.map(\.name) == b.server.map(\.name)
      && a.server.map(\.value) == b.server.map(\.value)
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
    "ttrss-mode": "Parallax reads every item of the server's feeds",
    "ttrss-flag-star": "starring here stars on the server",
    "ttrss-flag-publish": "Parallax does not publish items",
    "cookie-cache": "Parallax sends no cookies",
    "user-agent": "Parallax sends its own user agent",
    "download-path": "Parallax downloads no podcasts",
    "player": "Parallax plays no podcasts",
  ]

  /// newsboat's `ttrss-*` settings and the `[server]` setting each becomes.
  static let ttrssSettings = [
    "ttrss-url": "url", "ttrss-login": "login", "ttrss-password": "password",
    "ttrss-passwordfile": "password-file", "ttrss-passwordeval": "password-command",
  ]

  /// What a newsboat user of another online source sets in Parallax instead.
  static func replacement(forSource source: String, url: String?) -> String {
    switch source {
    case "freshrss":
      return "FreshRSS speaks the Fever API: in config.toml set [server] kind = \"fever\", url = \""
        + (url.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? "https://FRESHRSS/") + "api/fever.php\" with your login "
        + "and the API password set in FreshRSS's profile"
    case "miniflux":
      return "Miniflux speaks the Fever API: enable it in Miniflux's integrations and in config.toml set [server] "
        + "kind = \"fever\", url = \"" + (url.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? "https://MINIFLUX/")
        + "fever/\" with the Fever user name and password"
    case "local": return ""
    default:
      return
        "Parallax syncs with Fever servers (FreshRSS, Miniflux, Coldsweat, Tiny Tiny RSS's plugin) and Tiny Tiny RSS, not \(source)"
    }
  }

  public init(parsing text: String) {
    var urlsSource: (index: Int, value: String)?
    var ttrss: [(index: Int, name: String, value: String)] = []
    var otherURLs: [String: String] = [:]
    var otherLines: [Int] = []
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
      case "urls-source" where fields.count == 2:
        urlsSource = (settings.count, fields[1])
      case _ where Self.ttrssSettings[name] != nil && fields.count >= 2:
        ttrss.append((settings.count, name, fields.dropFirst().joined(separator: " ")))
      case _ where (name.hasPrefix("freshrss-") || name.hasPrefix("miniflux-")) && fields.count >= 2:
        if name.hasSuffix("-url") { otherURLs[String(name.prefix { $0 != "-" })] = fields[1] }
        otherLines.append(settings.count)
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
    // Tiny Tiny RSS: urls-source "ttrss" with its url, login and a password source become
    // [server]; other sources are told what replaces them.
    let source = urlsSource?.value ?? "local"
    let given = Dictionary(ttrss.map { ($0.name, $0.value) }, uniquingKeysWith: { _, b in b })
    let hasPassword =
      given["ttrss-password"] != nil || given["ttrss-passwordfile"] != nil
      || given["ttrss-passwordeval"] != nil
    if source == "ttrss", given["ttrss-url"] != nil, given["ttrss-login"] != nil, hasPassword {
      server = [("kind", "ttrss")]
      // One password source: a file or command before a password written out.
      let password = ["ttrss-passwordfile", "ttrss-passwordeval", "ttrss-password"].first { given[$0] != nil }
      for name in ["ttrss-url", "ttrss-login"] + [password!] {
        server.append((Self.ttrssSettings[name]!, given[name]!))
      }
      for entry in ttrss where entry.name.hasPrefix("ttrss-password") && entry.name != password {
        settings[entry.index].notCarried = "[server] takes one password source; \(password!) was carried over"
      }
    } else {
      let why =
        source != "ttrss"
        ? "newsboat uses it only with urls-source \"ttrss\""
        : hasPassword
          ? "urls-source \"ttrss\" needs ttrss-url and ttrss-login"
          : "newsboat asks for the password: add password-file or password-command to [server] in config.toml"
      for entry in ttrss { settings[entry.index].notCarried = why }
      if let urlsSource {
        let replacement = Self.replacement(forSource: source, url: otherURLs[source])
        if source == "local" {
          settings[urlsSource.index].notCarried = nil
        } else {
          settings[urlsSource.index].notCarried = source == "ttrss" ? why : replacement
        }
      }
    }
    for index in otherLines {
      let name = settings[index].text.split(separator: " ").first.map(String.init) ?? ""
      let kind = String(name.prefix { $0 != "-" })
      settings[index].notCarried = Self.replacement(forSource: kind, url: otherURLs[kind])
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
    if !server.isEmpty {
      out += (out.isEmpty ? "" : "\n") + "[server]\n"
      for (name, value) in server { out += "\(name) = \"\(value.replacingOccurrences(of: "\"", with: ""))\"\n" }
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
