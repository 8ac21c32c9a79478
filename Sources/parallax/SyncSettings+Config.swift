import ParallaxApp
import ParallaxSync

/// What sync takes from `config.toml`, read in one place for `parallax sync`, the
/// interface's `R` and its page fetches (`p`).
extension SyncSettings {
  /// The defaults with the config's `sync-concurrency` and `sync-timeout` applied.
  init(config: Config) {
    self.init()
    if let n = config.syncConcurrency { concurrency = n }
    if let t = config.syncTimeout { timeout = t }
  }
}
