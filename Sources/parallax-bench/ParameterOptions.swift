import ArgumentParser
import ParallaxCore

/// Overrides of the frozen grouping settings, for exploring (the defaults are what ships).
struct ParameterOptions: ParsableArguments {
  @Option(help: "Override the average-link threshold.")
  var threshold: Double?

  @Option(help: "Override the factor on leads naming disjoint days of the week (1 turns it off).")
  var weekdayConflict: Double?

  @Option(help: "Override how many numbers both articles need before their number sets are compared.")
  var minNumbers: Int?

  @Option(help: "Override the largest fact novelty of two versions of one report (1 turns the fact test off).")
  var maxNovelty: Double?

  @Option(help: "Override the most days between two dated versions of one report.")
  var maxVersionDays: Double?

  @Option(help: "Override the most days between two dated reports linked into one thread.")
  var maxThreadDays: Double?

  var parameters: GroupingParameters {
    var p = GroupingParameters.default
    if let threshold { p.threshold = threshold }
    if let weekdayConflict { p.weekdayConflict = weekdayConflict }
    if let minNumbers { p.minNumbersForConflict = minNumbers }
    if let maxNovelty { p.maxVersionNovelty = maxNovelty }
    if let maxVersionDays { p.maxVersionDays = maxVersionDays }
    if let maxThreadDays { p.maxThreadDays = maxThreadDays }
    return p
  }
}
