import Foundation
import ParallaxCLI

/// Records the time from process start to the first frame with stories, for benchmarks:
/// when `PARALLAX_FIRST_FRAME_LOG` names a file, a line `first-frame-ms=N` is appended to it.
enum FirstFrame {
  static func log() {
    guard let path = ProcessInfo.processInfo.environment["PARALLAX_FIRST_FRAME_LOG"],
      let ms = millisecondsSinceProcessStart()
    else { return }
    if let handle = FileHandle(forWritingAtPath: path) ?? createFile(path) {
      handle.seekToEndOfFile()
      handle.write(Data("first-frame-ms=\(ms)\n".utf8))
      handle.closeFile()
    }
  }

  static func createFile(_ path: String) -> FileHandle? {
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    return FileHandle(forWritingAtPath: path)
  }

  /// From /proc: the process start time (clock ticks after boot) against the uptime now.
  /// Resolution is one clock tick (10 ms).
  static func millisecondsSinceProcessStart() -> Int? {
    guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
      let uptime = try? String(contentsOfFile: "/proc/uptime", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return nil }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    // Field 22 of the whole line is the start time; after the command's ")" it is the 20th.
    guard fields.count > 19, let ticks = Double(fields[19]), let now = Double(uptime.split(separator: " ")[0]) else {
      return nil
    }
    let hz = Double(sysconf(Int32(_SC_CLK_TCK)))
    return Int(((now - ticks / hz) * 1000).rounded())
  }
}
