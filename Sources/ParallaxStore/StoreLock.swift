import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An advisory lock beside a store (`STORE.sync-lock`, `flock(2)`), so that two syncs of
/// one store never run at once. The kernel releases it when the holder exits, however it
/// exits; the file keeps the holder's process id for the message of the one that waits.
public final class StoreLock: @unchecked Sendable {
  let fd: Int32
  /// The lock file.
  public let path: String

  /// The lock file of the store at `storePath`.
  public static func path(forStore storePath: String) -> String { storePath + ".sync-lock" }

  /// Why the lock was not taken.
  public enum Failure: Error, Equatable, CustomStringConvertible {
    /// Another process holds it (its id when known).
    case held(pid: Int32?)
    /// The lock file cannot be created or opened.
    case cannotCreate(String)

    public var description: String {
      switch self {
      case .held(let pid): "another sync is running" + (pid.map { " (process \($0))" } ?? "")
      case .cannotCreate(let reason): "cannot create the lock file: \(reason)"
      }
    }
  }

  /// Takes the lock of the store at `storePath`; when another process holds it, waits for
  /// it with `wait`, else throws ``Failure/held(pid:)`` at once.
  public init(store storePath: String, wait: Bool) throws {
    let path = Self.path(forStore: storePath)
    // The descriptor is taken before any stored property is set: an initializer that throws
    // after setting them all runs `deinit`, and a descriptor closed here and again there
    // closes whatever another thread opened under the same number in between (a store's
    // database file, a server's socket: decisions.md, 2026-12-07).
    fd = try Self.acquire(path, wait: wait)
    self.path = path
    let text = "\(getpid())\n"
    _ = ftruncate(fd, 0)
    _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
  }

  /// Opens the lock file at `path` and locks it; on failure nothing stays open.
  static func acquire(_ path: String, wait: Bool) throws -> Int32 {
    let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw Failure.cannotCreate(String(cString: strerror(errno))) }
    while flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
      if errno == EINTR { continue }
      let busy = errno == EWOULDBLOCK
      let reason = String(cString: strerror(errno))
      let pid = Self.readPID(fd)
      close(fd)
      throw busy ? Failure.held(pid: pid) : Failure.cannotCreate(reason)
    }
    return fd
  }

  deinit { close(fd) }

  static func readPID(_ fd: Int32) -> Int32? {
    var buffer = [UInt8](repeating: 0, count: 32)
    let n = pread(fd, &buffer, buffer.count, 0)
    guard n > 0 else { return nil }
    return Int32(String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
  }
}
