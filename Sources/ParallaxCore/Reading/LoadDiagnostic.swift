/// A problem found while reading an input, reported to the user and never fatal.
public struct LoadDiagnostic: Sendable, Hashable, CustomStringConvertible {
  /// How serious the problem is.
  public enum Severity: String, Sendable, Hashable {
    /// Something was read but repaired (for example invalid UTF-8 bytes replaced).
    case warning
    /// Something was skipped: an input or a line did not become an article.
    case skipped
  }

  /// The file the problem is in.
  public var path: String
  /// The 1-based line, for line-oriented inputs.
  public var line: Int?
  /// What happened, in a few words.
  public var message: String
  /// Whether the input was skipped or only repaired.
  public var severity: Severity

  public init(path: String, line: Int? = nil, message: String, severity: Severity) {
    self.path = path
    self.line = line
    self.message = message
    self.severity = severity
  }

  public var description: String {
    let location = line.map { "\(path):\($0)" } ?? path
    let verb = severity == .skipped ? "skipped" : "warning"
    return "\(location): \(verb): \(message)"
  }
}
