import Foundation
import GRDB

/// A failure of the store a person can act on: the disk is full, the file or its folder is
/// read-only, another program holds the store locked, or a newer Parallax wrote it. Every
/// other failure keeps SQLite's own words. ``message(doing:)`` says it in one line with
/// what happened to the data.
public struct StoreProblem: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong.
  public enum Kind: Sendable, Equatable {
    case diskFull
    case readOnly
    case locked(seconds: Double)
    /// The store has migrations this Parallax does not know.
    case newerFormat(storeFormat: Int, writtenBy: String?)
    case notAStore(String)
    case cannotOpen(String)
    case other(String)
  }

  public var kind: Kind
  /// The store file.
  public var path: String

  public init(_ kind: Kind, path: String) {
    self.kind = kind
    self.path = path
  }

  /// Classifies an error thrown while using the store at `path`.
  public init(_ error: any Error, path: String, busySeconds: Double = Store.defaultBusySeconds) {
    self.path = path
    if let problem = error as? StoreProblem {
      self = problem
      return
    }
    guard let error = error as? DatabaseError else {
      kind = .cannotOpen((error as NSError).localizedDescription)
      return
    }
    let detail = error.message ?? "\(error.resultCode)"
    switch error.resultCode {
    case .SQLITE_FULL: kind = .diskFull
    case .SQLITE_READONLY: kind = .readOnly
    case .SQLITE_BUSY, .SQLITE_LOCKED: kind = .locked(seconds: busySeconds)
    case .SQLITE_NOTADB: kind = .notAStore(detail)
    case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
      let folder = (path as NSString).deletingLastPathComponent
      kind = access(folder.isEmpty ? "." : folder, W_OK) != 0 ? .readOnly : .cannotOpen(detail)
    case .SQLITE_IOERR where error.extendedResultCode.rawValue == 13 << 8 | 10:  // SQLITE_IOERR_WRITE: ENOSPC
      kind = .diskFull
    default: kind = .other(detail)
    }
  }

  /// Whether the store itself is the trouble (full, read-only, locked, newer, not a store),
  /// so that going on with other work on it is pointless.
  public var isFatal: Bool {
    if case .other = kind { return false }
    return true
  }

  /// What happened, without a verdict on the data.
  public var description: String {
    switch kind {
    case .diskFull: "the disk holding \(path) is full"
    case .readOnly: "the store \(path) is read-only (the file or its folder cannot be written)"
    case .locked(let seconds):
      "the store \(path) is locked by another program (still locked after \(Self.seconds(seconds)))"
    case .newerFormat(let format, let writtenBy):
      "the store \(path) was written by a newer Parallax (\(writtenBy.map { "Parallax \($0), " } ?? "")store format \(format)); "
        + "this is Parallax \(Store.parallaxVersion), which reads store formats up to \(Store.formatVersion)"
    case .notAStore(let detail): "cannot open the store at \(path): \(detail)"
    case .cannotOpen(let detail): "cannot open the store at \(path): \(detail)"
    case .other(let detail): "the store \(path) failed: \(detail)"
    }
  }

  /// The line to print: what happened and what became of the data of `doing` (for example
  /// "nothing from this import was stored"), or nothing about data for reading commands.
  public func message(outcome: String? = nil) -> String {
    var line = "parallax: " + description
    if case .newerFormat = kind {
      line += ": it was not opened or changed; use that Parallax, or --store for another store"
    } else if let outcome {
      line += ": " + outcome
    }
    return line
  }

  static func seconds(_ value: Double) -> String {
    value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
  }
}
