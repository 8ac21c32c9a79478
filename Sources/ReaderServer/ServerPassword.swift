import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a server's password from where config.toml says it is, refusing any place others
/// can read: a password file must be private (no read permission for group or others), a
/// password written in config.toml itself works only when config.toml is private, and
/// then with a warning (``Found/warning``) that a password file or command is better.
public enum ServerPassword {
  /// The password, and a warning to give once when it was written in config.toml.
  public struct Found: Sendable, Equatable {
    public var password: String
    public var warning: String?
  }

  /// Why no password was read, in one line.
  public struct Refusal: Error, Equatable, CustomStringConvertible {
    public var description: String
  }

  /// Reads the password: `file` (its first line, `~` for the home folder), the first line
  /// `command` prints (run by `/bin/sh -c`), or `inline` from `configPath`.
  public static func read(
    inline: String?, file: String?, command: String?, configPath: String,
    home: String = FileManager.default.homeDirectoryForCurrentUser.path
  ) throws -> Found {
    if let file {
      let path = file.hasPrefix("~/") ? home + String(file.dropFirst(1)) : file
      try requirePrivate(path, what: "the password file")
      guard let data = FileManager.default.contents(atPath: path) else {
        throw Refusal(description: "cannot read the password file \(path)")
      }
      return Found(password: firstLine(data), warning: nil)
    }
    if let command {
      return Found(password: try run(command), warning: nil)
    }
    if let inline {
      try requirePrivate(configPath, what: "\(configPath), which holds the server password,")
      return Found(
        password: inline,
        warning:
          "the server password is written in \(configPath): keep that file private (it is now), or use password-file or password-command"
      )
    }
    throw Refusal(description: "[server] in \(configPath) gives no password")
  }

  /// Refuses a file that group or others can read.
  static func requirePrivate(_ path: String, what: String) throws {
    var info = stat()
    guard stat(path, &info) == 0 else {
      throw Refusal(description: "cannot read \(what) \(path): \(String(cString: strerror(errno)))")
    }
    let mode = info.st_mode & 0o777
    if mode & 0o044 != 0 {
      throw Refusal(
        description:
          "refusing \(what) \(path): it is readable by others (mode \(String(mode, radix: 8))); chmod 600 \(path)")
    }
  }

  static func firstLine(_ data: Data) -> String {
    let text = String(decoding: data, as: UTF8.self)
    return String(text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
      .trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
  }

  /// The first line `command` prints; a failure says its status and what it wrote.
  static func run(_ command: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    do { try process.run() } catch {
      throw Refusal(description: "cannot run password-command: \(error.localizedDescription)")
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let problem = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let said = String(decoding: problem.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      throw Refusal(
        description: "password-command failed (status \(process.terminationStatus))" + (said.isEmpty ? "" : ": \(said)")
      )
    }
    let password = firstLine(data)
    guard !password.isEmpty else { throw Refusal(description: "password-command printed no password") }
    return password
  }
}
