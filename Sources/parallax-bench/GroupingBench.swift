import ArgumentParser
import Foundation
import ParallaxCLI
import ParallaxCore

/// `parallax-bench grouping FILE`: grouping throughput, scaling, and template-report check.
struct GroupingBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "grouping",
    abstract: "Group a JSON Lines corpus, report articles per second, scaling when doubled, and same-title reports.",
    discussion: """
      --double also groups the corpus twice over, every article again under a distinct id, and prints the time ratios: with edited copies (headline prefixed with "Update: ", so each is scored like a rewrite), where near-linear grouping keeps the ratio close to 2, and with identical copies, which join their originals unscored. Same-title articles (weekly template reports in newswire corpora) are listed with whether they share a story and how many numbers they share.
      """
  )

  @Argument(help: "A JSON Lines corpus, for example ../shared/data/corpus/reuters21578.jsonl.")
  var file: String

  @Flag(help: "Also group the corpus doubled (distinct ids) and print the time ratio.")
  var double = false

  @Option(help: "How many same-title sets to print.")
  var templates = 8

  func run() throws {
    let loadStart = Date()
    let loaded = ArticleLoader().load([file])
    Terminal.report(loaded.diagnostics)
    let loadSeconds = Date().timeIntervalSince(loadStart)
    print(String(format: "loaded %d articles from %@ in %.2f s", loaded.articles.count, file, loadSeconds))

    let (stories, seconds, stats) = Self.time(loaded.articles)
    print(
      String(
        format:
          "grouped %d articles in %.2f s wall: %.0f articles/s; %d candidate pairs, %d stories (%d with 2+ versions)",
        stats.articles, seconds, Double(stats.articles) / seconds, stats.candidatePairs, stories.count,
        stories.filter { $0.size > 1 }.count))
    print(
      String(
        format: "  of which: signatures %.2f s, candidates %.2f s, scores %.2f s, clustering and naming %.2f s",
        stats.signatureSeconds, stats.candidateSeconds, stats.scoreSeconds, stats.clusterSeconds))

    if double {
      // Edited copies (each headline prefixed, so every signature differs and each copy is
      // scored and clustered like a rewrite) measure how grouping scales; identical copies
      // measure the shortcut for them (they join their originals unscored).
      for (label, edit) in [("edited", true), ("identical", false)] {
        let twice =
          loaded.articles
          + loaded.articles.map { article -> Article in
            var copy = article
            copy.id += "#2"
            if edit { copy.title = "Update: " + copy.title }
            return copy
          }
        let (_, doubledSeconds, doubledStats) = Self.time(twice)
        print(
          String(
            format: "doubled with %@ copies: %d articles in %.2f s wall: %.0f articles/s; time ratio %.2f%@",
            label, doubledStats.articles, doubledSeconds, Double(doubledStats.articles) / doubledSeconds,
            doubledSeconds / seconds, edit ? " (limit 2.05)" : ""))
      }
    }
    reportTemplates(loaded.articles, stories: stories)
  }

  static func time(_ articles: [Article]) -> ([Story], Double, StoryGrouper.Statistics) {
    var statistics = StoryGrouper.Statistics()
    let start = Date()
    let stories = StoryGrouper().group(articles, statistics: &statistics)
    return (stories, Date().timeIntervalSince(start), statistics)
  }

  /// Same-title sets: does grouping keep reports with new numbers apart?
  func reportTemplates(_ articles: [Article], stories: [Story]) {
    var storyOf: [Int: String] = [:]
    for story in stories { for m in story.members { storyOf[m.inputIndex] = story.id } }
    var byTitle: [String: [Int]] = [:]
    for (i, a) in articles.enumerated() { byTitle[a.title.uppercased(), default: []].append(i) }
    let sets = byTitle.filter { $0.value.count >= 3 }.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
    print("same-title sets with 3+ articles: \(sets.count); the largest:")
    for (title, members) in sets.prefix(templates) {
      let storyCount = Set(members.map { storyOf[$0]! }).count
      let numberSets = members.map { Set(ArticleSignature(article: articles[$0], leadTokens: 500).numbers.keys) }
      var sharedShare: [Double] = []
      for i in 0..<numberSets.count {
        for j in (i + 1)..<numberSets.count where !numberSets[i].isEmpty && !numberSets[j].isEmpty {
          sharedShare.append(
            Double(numberSets[i].intersection(numberSets[j]).count)
              / Double(min(numberSets[i].count, numberSets[j].count)))
        }
      }
      let meanShare = sharedShare.isEmpty ? 0 : sharedShare.reduce(0, +) / Double(sharedShare.count)
      print(
        String(
          format: "  %-40@ %3d articles -> %3d stories (mean share of numbers in common %.2f)",
          String(title.prefix(40)) as NSString, members.count, storyCount, meanShare))
    }
  }
}
