import ArgumentParser
import Foundation
import ParallaxStore

/// `--store PATH`, shared by the commands that use the offline store.
public struct StoreOptions: ParsableArguments {
  @Option(help: "The store file (default: $PARALLAX_STORE, else $XDG_DATA_HOME/parallax/parallax.sqlite).")
  public var store: String?

  public init() {}

  public var path: String { store ?? Store.defaultPath() }

  /// Opens the store. A file that is not a store, a folder that cannot be created, a store
  /// from a newer Parallax: one line on standard error and exit status 1 (the file is never
  /// touched).
  public func open() throws -> Store {
    do {
      return try Store(path: path)
    } catch {
      throw StoreProblem(error, path: path)
    }
  }
}
