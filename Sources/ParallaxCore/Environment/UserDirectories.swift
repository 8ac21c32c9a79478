import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a user's data and config live, by the XDG Base Directory rules: `$XDG_DATA_HOME`
/// and `$XDG_CONFIG_HOME` when set to an absolute path, else under `$HOME`; the passwd
/// entry's home only when `HOME` is unset or empty (as shells and newsboat do).
public struct UserDirectories: Sendable, Equatable {
  /// The environment the directories are read from.
  public var environment: [String: String]

  public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
    self.environment = environment
  }

  /// `$HOME`, else the home directory of the account's passwd entry, else `/`.
  public var home: String {
    if let home = environment["HOME"], !home.isEmpty { return home }
    return Self.passwdHome() ?? "/"
  }

  /// `$XDG_DATA_HOME`, else `$HOME/.local/share`.
  public var dataHome: String { xdg("XDG_DATA_HOME", default: ".local/share") }

  /// `$XDG_CONFIG_HOME`, else `$HOME/.config`.
  public var configHome: String { xdg("XDG_CONFIG_HOME", default: ".config") }

  /// The XDG variable when it holds an absolute path (the specification says relative
  /// paths are invalid and must be ignored), else `default` under the home directory.
  func xdg(_ name: String, default relative: String) -> String {
    if let value = environment[name], value.hasPrefix("/") { return value }
    return (home as NSString).appendingPathComponent(relative)
  }

  /// The home directory in the passwd entry of the effective user.
  static func passwdHome() -> String? {
    guard let entry = getpwuid(geteuid()), let dir = entry.pointee.pw_dir else { return nil }
    let path = String(cString: dir)
    return path.isEmpty ? nil : path
  }
}
