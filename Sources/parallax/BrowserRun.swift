import Foundation
import ParallaxApp
import ParallaxCore

/// Runs the browser command for `o`: found on `PATH` first (so a missing program is one
/// clear line, not a shell's complaint on a suspended screen), run without a shell.
enum BrowserRun {
  /// Runs `command` for `url`. In terminal mode it waits (the caller has suspended the
  /// screen) and returns the status line's note; detached it returns at once (nil unless
  /// it could not start) and `later` gets a note if the command fails.
  static func run(_ command: BrowserCommand, url: String, later: @escaping @Sendable (String) -> Void) -> String? {
    let arguments = command.arguments(for: url)
    let program = arguments[0]
    guard let path = locate(program) else { return "cannot open the link: \(program) not found on PATH" }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = Array(arguments.dropFirst())
    if command.mode == .detach {
      process.standardInput = FileHandle.nullDevice
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      // Foundation calls the handler on a thread of its own and releases it in that
      // thread's teardown; `later` (which reaches the interface and its store) is released
      // before (OwnThread).
      let report = OneShot<Int32> { status in
        if status != 0 { later("\(program) exited with status \(status) (link: \(url))") }
      }
      process.terminationHandler = { done in report.run(done.terminationStatus) }
    }
    do {
      try process.run()
    } catch {
      return "cannot run \(program): \(error.localizedDescription)"
    }
    guard command.mode == .terminal else { return "opened in \(program)" }
    process.waitUntilExit()
    if process.terminationReason == .uncaughtSignal {
      return "\(program) was stopped by signal \(process.terminationStatus)"
    }
    return process.terminationStatus == 0
      ? "opened in \(program)" : "\(program) exited with status \(process.terminationStatus)"
  }

  /// The executable for `program`: a path as given, else the first match on `PATH`.
  static func locate(_ program: String) -> String? {
    let manager = FileManager.default
    if program.contains("/") { return manager.isExecutableFile(atPath: program) ? program : nil }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for directory in path.split(separator: ":") where !directory.isEmpty {
      let candidate = directory + "/" + program
      if manager.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
