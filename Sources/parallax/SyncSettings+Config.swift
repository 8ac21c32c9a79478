import Foundation
import ParallaxApp
import ParallaxStore
import ParallaxSync
import ReaderServer

/// What sync takes from `config.toml`, read in one place for `parallax sync`, the
/// interface's `R` and its page fetches (`p`).
extension SyncSettings {
  /// The defaults with the config's `sync-concurrency` and `sync-timeout` applied, and
  /// `PARALLAX_SERVER_RECORD` (where the e2e script records a server's replies).
  init(config: Config) {
    self.init()
    if let n = config.syncConcurrency { concurrency = n }
    if let t = config.syncTimeout { timeout = t }
    recordServerReplies = ProcessInfo.processInfo.environment["PARALLAX_SERVER_RECORD"].flatMap {
      $0.isEmpty ? nil : $0
    }
  }

  /// Sets ``server`` from the config's `[server]`, its password read now (a password
  /// command runs only when a sync starts). A password written in config.toml is warned
  /// about once per store (`warn`); a readable password file or config is refused.
  mutating func readServer(_ config: Config, store: Store, warn: (String) -> Void) throws {
    guard let server = config.server, let kind = ServerKind(rawValue: server.kind) else { return }
    let found = try ServerPassword.read(
      inline: server.password, file: server.passwordFile, command: server.passwordCommand,
      configPath: Interface.configPath)
    if let warning = found.warning, (try? store.serverInfo("passwordWarned")) == nil {
      warn(warning)
      try? store.setServerInfo("passwordWarned", "yes")
    }
    self.server = ServerAccount(kind: kind, url: server.url, login: server.login, password: found.password)
  }
}
