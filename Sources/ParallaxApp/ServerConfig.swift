/// config.toml's `[server]`: which reader server to sync with, and where its password is.
/// Exactly one of `password`, `password-file` and `password-command` (the password itself is
/// read only when syncing, by ReaderServer's `ServerPassword`).
public struct ServerConfig: Sendable, Equatable {
  /// `fever` or `ttrss`.
  public var kind: String
  public var url: String
  public var login: String
  /// `password = "…"`: works, with a warning; refused when config.toml is readable by others.
  public var password: String?
  /// `password-file = "~/.config/parallax/server-password"`: its first line.
  public var passwordFile: String?
  /// `password-command = "pass show rss"`: the first line it prints.
  public var passwordCommand: String?
  /// The line of `[server]`, for messages.
  public var line: Int

  public static let kinds = ["fever", "ttrss"]
  public static let settings = ["kind", "url", "login", "password", "password-file", "password-command"]

  public init(
    kind: String, url: String, login: String, password: String? = nil, passwordFile: String? = nil,
    passwordCommand: String? = nil, line: Int = 0
  ) {
    (self.kind, self.url, self.login, self.line) = (kind, url, login, line)
    (self.password, self.passwordFile, self.passwordCommand) = (password, passwordFile, passwordCommand)
  }

  /// The table's settings, checked: a known kind, an http(s) address, a login, one password
  /// source.
  init(_ values: [String: (value: String, line: Int)], line: Int) throws {
    func required(_ name: String) throws -> String {
      guard let value = values[name]?.value.configTrimmed, !value.isEmpty else {
        throw Config.ParseError(line: line, message: "[server] needs \(name)")
      }
      return value
    }
    let kind = try required("kind")
    guard Self.kinds.contains(kind) else {
      throw Config.ParseError(
        line: values["kind"]!.line, message: "kind is \"fever\" or \"ttrss\", not \"\(kind)\"")
    }
    let url = try required("url")
    guard url.lowercased().hasPrefix("http://") || url.lowercased().hasPrefix("https://") else {
      throw Config.ParseError(line: values["url"]!.line, message: "url is an http:// or https:// address")
    }
    let login = try required("login")
    let sources = ["password", "password-file", "password-command"].filter { values[$0] != nil }
    guard sources.count == 1 else {
      throw Config.ParseError(
        line: line,
        message: sources.isEmpty
          ? "[server] needs password-file, password-command or password"
          : "[server] takes one of \(sources.joined(separator: " and ")), not both")
    }
    self.init(
      kind: kind, url: url, login: login, password: values["password"]?.value,
      passwordFile: values["password-file"]?.value, passwordCommand: values["password-command"]?.value, line: line)
  }
}
