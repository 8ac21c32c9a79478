import ArgumentParser

/// How a command prints its results.
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  /// For people.
  case text
  /// One JSON document.
  case json
  /// One JSON object per line.
  case jsonl
}
