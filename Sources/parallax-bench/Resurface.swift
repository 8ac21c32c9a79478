import ArgumentParser
import Foundation
import ParallaxCLI
import ParallaxCore

/// `parallax-bench resurface FILE`: how often a later version of a labelled group would
/// bring its story back as unread (``NewFacts``) when the group's first version was read;
/// and, as controls, how often an identical or trimmed copy would (never, by design).
struct Resurface: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Measure which versions would resurface a read story (new facts over the read version).",
    discussion: """
      Articles are grouped by the JSON field --group (for example the rewrite groups of ../shared/data/dev/rewrites-politifact-train.jsonl, or the events of events-ecbplus-dev.jsonl). In each group the first article counts as read; every other article is checked for facts the read one lacks (quotes, numbers, names, attributions), as the store does when a version arrives. Prints, per --variant value when there is one, how many versions would resurface the story and which kinds of facts did it; then the same for an identical and a trimmed copy (the last paragraph cut) of every first article, which must never resurface.
      """
  )

  @Argument(help: "A JSON Lines file with a group field.")
  var file: String

  @Option(help: "The field naming each article's group.")
  var group = "group"

  @Option(help: "The field naming each article's kind of version (counted apart), if any.")
  var variant = "variant"

  @Option(help: "Print the facts that resurfaced this many versions (to judge them).")
  var examples = 0

  func run() throws {
    let loaded = ArticleLoader().load([file])
    Terminal.report(loaded.diagnostics)
    var groups: [String: [Article]] = [:]
    var order: [String] = []
    for article in loaded.articles {
      guard let key = article.metadata[group] else { continue }
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(article)
    }
    guard !groups.isEmpty else { throw ValidationError("no article of \(file) has a \"\(group)\" field") }
    struct Tally {
      var versions = 0
      var resurfaced = 0
      var quotes = 0
      var numbers = 0
      var names = 0
      var attributions = 0
      mutating func add(_ facts: Facts) {
        versions += 1
        if NewFacts.count(facts) > 0 { resurfaced += 1 }
        if !facts.quotes.isEmpty { quotes += 1 }
        if !facts.numbers.isEmpty { numbers += 1 }
        if !facts.names.isEmpty { names += 1 }
        if !facts.attributions.isEmpty { attributions += 1 }
      }
    }
    var tallies: [String: Tally] = [:]
    var kinds: [String] = []
    func tally(_ kind: String, _ facts: Facts) {
      if tallies[kind] == nil { kinds.append(kind) }
      tallies[kind, default: Tally()].add(facts)
    }
    var shown = 0
    for key in order {
      let members = groups[key]!
      guard let first = members.first else { continue }
      for later in members.dropFirst() {
        let facts = NewFacts.added(by: later, over: [first])
        tally(later.metadata[variant] ?? "later version", facts)
        if shown < examples, NewFacts.count(facts) > 0 {
          shown += 1
          let parts =
            facts.quotes.map { "quote: \($0.text)" } + facts.numbers.map { "number: \($0.text)" }
            + facts.names.map { "name: \($0)" } + facts.attributions.map { "attribution: \($0)" }
          print("\(later.id) over \(first.id): " + parts.joined(separator: "; "))
        }
      }
      var identical = first
      identical.id += "-copy"
      tally("control: identical copy", NewFacts.added(by: identical, over: [first]))
      var trimmed = first
      let paragraphs = first.paragraphs
      if paragraphs.count > 1 {
        trimmed.body = paragraphs.dropLast().joined(separator: "\n\n")
        tally("control: trimmed copy", NewFacts.added(by: trimmed, over: [first]))
      }
    }
    print("\(order.count) groups in \(file); the first article of each counts as read")
    print("kind\tversions\tresurface\tshare\tby quote\tby number\tby name\tby attribution")
    for kind in kinds {
      let t = tallies[kind]!
      print(
        [
          kind, "\(t.versions)", "\(t.resurfaced)",
          String(format: "%.3f", Double(t.resurfaced) / Double(max(1, t.versions))), "\(t.quotes)", "\(t.numbers)",
          "\(t.names)", "\(t.attributions)",
        ].joined(separator: "\t"))
    }
  }
}
