import ArgumentParser
import Foundation
import ParallaxCore

/// The evidence behind a labelled pair, as the grouping core sees it, one TSV row a pair: the
/// pair score and its parts, how much of the two leads (headline and first ``leadTokens``
/// tokens) agree, the names both carry by how rare they are, the days between the two
/// publication times, and the facts each adds over the other and has of its own
/// (``NewFacts``). For choosing, on labelled pairs, what tells one report from a follow-up and
/// a follow-up from another story (`parallax-bench pairs --features`).
struct PairFeatures {
  /// The lead compared on its own: a report's news is in its headline and first sentence.
  static let leadTokens = 40
  /// Names carried by at most this share of the collection count as rare.
  static let rareNameShare = 0.003

  /// An empty article, read before anything: each article's facts are what it adds over it.
  static let nothing = Article(id: "nothing", title: "", body: "")

  /// Publication times are ISO 8601 (`Article.published`).
  let dates = ISO8601DateFormatter()

  let articles: [Article]
  let signatures: [ArticleSignature]
  let leads: [ArticleSignature]
  let space: FeatureSpace
  let scorer: PairScorer
  let leadTokens: Int

  init(articles: [Article], parameters: GroupingParameters) {
    self.articles = articles
    signatures = articles.map { ArticleSignature(article: $0, leadTokens: parameters.leadTokens) }
    leads = articles.map { ArticleSignature(article: $0, leadTokens: Self.leadTokens) }
    space = FeatureSpace(signatures: signatures)
    scorer = PairScorer(space: space, parameters: parameters)
    leadTokens = parameters.leadTokens
  }

  /// Article `i`'s facts as the engine compares them.
  func print(_ i: Int) -> FactPrint {
    FactPrint(signature: HashedSignature(signatures[i]))
  }

  /// IDF-weighted share of the smaller lead's terms found in the other lead.
  func leadOverlap(_ a: Int, _ b: Int) -> Double {
    func mass(_ keys: some Sequence<String>) -> Double { keys.reduce(0) { $0 + space.idf(of: $1) } }
    let (x, y) = (Set(leads[a].termCounts.keys), Set(leads[b].termCounts.keys))
    let smaller = min(mass(x), mass(y))
    return smaller > 0 ? mass(x.intersection(y)) / smaller : 0
  }

  /// Days between the two publication times, or nil when either is unknown.
  func daysApart(_ a: Int, _ b: Int) -> Double? {
    guard let x = articles[a].published.flatMap(dates.date(from:)),
      let y = articles[b].published.flatMap(dates.date(from:))
    else { return nil }
    return abs(x.timeIntervalSince(y)) / 86_400
  }

  /// A fact count by kind, `numbers/quotes/attributions`.
  static func byKind(_ facts: Facts) -> String {
    "\(facts.numbers.count)/\(facts.quotes.count)/\(facts.attributions.count)"
  }

  func write(_ rows: [[String]], index: [String: Int64], to path: String) throws {
    let rare = Double(articles.count) * Self.rareNameShare + 3
    var out =
      "first\tsecond\tlabel\tscore\tcosine\tentityOverlap\tnumberAgreement\tcontextAgreement\twhenAgreement"
      + "\tleadOverlap\tsharedNames\trareNames\tbestNameIDF\tdays\tfirstAdds\tsecondAdds\tfirstFacts\tsecondFacts"
      + "\tfirstAddsByKind\tsecondAddsByKind\tfirstFactsByKind\tsecondFactsByKind\tfirstPrintShare\tsecondPrintShare\n"
    for row in rows {
      guard row.count >= 3, let a = index[row[0]].map(Int.init), let b = index[row[1]].map(Int.init) else { continue }
      let parts = scorer.breakdown(a, b)
      let firstAdds = NewFacts.added(by: articles[a], over: [articles[b]])
      let secondAdds = NewFacts.added(by: articles[b], over: [articles[a]])
      let firstFacts = NewFacts.added(by: articles[a], over: [Self.nothing])
      let secondFacts = NewFacts.added(by: articles[b], over: [Self.nothing])
      let shares = FactPrint.newShares(print(a), print(b))
      let names = Set(signatures[a].names.keys).intersection(signatures[b].names.keys)
      let frequencies = names.map { Double(space.documentFrequency[Int(space.termIDs[$0]!)]) }
      let fields: [String] = [
        row[0], row[1], row[2], String(format: "%.4f", parts.score), String(format: "%.4f", parts.cosine),
        String(format: "%.4f", parts.entityOverlap), String(format: "%.4f", parts.numberAgreement),
        String(format: "%.4f", parts.contextAgreement), String(format: "%.4f", parts.whenAgreement),
        String(format: "%.4f", leadOverlap(a, b)), String(names.count),
        String(frequencies.filter { $0 <= rare }.count),
        String(format: "%.4f", names.map { space.idf(of: $0) }.max() ?? 0),
        daysApart(a, b).map { String(format: "%.3f", $0) } ?? "",
        // What each adds over the other, as a read story's new version is judged (NewFacts).
        String(NewFacts.count(firstAdds)), String(NewFacts.count(secondAdds)),
        // Each one's facts over nothing read: what the counts above are a share of.
        String(NewFacts.count(firstFacts)), String(NewFacts.count(secondFacts)),
        // The same by kind: numbers/quotes/attributions.
        Self.byKind(firstAdds), Self.byKind(secondAdds), Self.byKind(firstFacts), Self.byKind(secondFacts),
        // The engine's hashed approximation of the shares (FactPrint).
        String(format: "%.4f", shares.first), String(format: "%.4f", shares.second),
      ]
      out += fields.joined(separator: "\t") + "\n"
    }
    try Self.write(out, to: path)
  }

  /// Every pair's evidence, one row each: ids, score, cosine, entity overlap, the fact
  /// print's smaller new share, shared names, rare shared names, days apart.
  /// `copies` are (original, copy) pairs of identical copies, which the engine never scores:
  /// written as `copy` rows.
  func writeEdges(_ pairs: [(Int, Int)], copies: [(Int, Int)], to path: String) throws {
    var out =
      "first\tsecond\tscore\tcosine\tentityOverlap\tnovelty\tsharedNames\trareNames\tdays\tconflict\tadds\tleadRareNames\tleadOverlap\ttitleDice\toneOutlet\tleadWordOverlap\n"
    let prints = articles.indices.map(print)
    for (a, b) in pairs {
      let parts = scorer.breakdown(a, b)
      let names = Set(signatures[a].names.keys).intersection(signatures[b].names.keys)
      out +=
        [
          articles[a].id, articles[b].id, String(format: "%.4f", parts.score), String(format: "%.4f", parts.cosine),
          String(format: "%.4f", parts.entityOverlap), String(format: "%.4f", FactPrint.novelty(prints[a], prints[b])),
          // Rare as the engine counts them (GroupingParameters.rareNameShare and floor).
          String(names.count), String(parts.rareNames),
          daysApart(a, b).map { String(format: "%.3f", $0) } ?? "", parts.isConflict ? "1" : "0",
          { (x: (added: Int, facts: Int), y: (added: Int, facts: Int)) in "\(x.added)/\(x.facts)/\(y.added)/\(y.facts)"
          }(
            prints[a].added(over: prints[b]), prints[b].added(over: prints[a])),
          String(parts.leadRareNames), String(format: "%.4f", scorer.leadOverlap(a, b)),
          String(format: "%.4f", FactPrint.titleDice(prints[a], prints[b])),
          GroupingEngine.oneOutlet(articles[a].source, articles[b].source) ? "1" : "0",
          String(format: "%.4f", scorer.leadWordOverlap(a, b)),
        ].joined(separator: "\t") + "\n"
    }
    for (original, copy) in copies {
      out += "\(articles[original].id)\t\(articles[copy].id)\t1\t1\t1\t0\t0\t0\t\tcopy\t0/0/0/0\t0\t1\t1\t1\t1\n"
    }
    try Self.write(out, to: path)
  }

  /// Each article's rare names (names, not numbers, carried by at most `rareNameShare` of the
  /// collection plus `floor` articles, as ``PairScorer`` counts them), those its lead
  /// carries, and every name its lead carries with the number of articles carrying it:
  /// `id`, names, lead names (each list joined by `|`), lead names as `name:articles`, and
  /// the lead's content words (not names or numbers) as `word:articles`.
  func writeRareNames(rareNameShare: Double, floor: Int, to path: String) throws {
    let bound = Int32(Double(articles.count) * rareNameShare) + Int32(floor)
    var out = "id\trareNames\tleadRareNames\tleadNames\tleadWords\n"
    for i in articles.indices {
      let numbers = Set(space.numbers[i])
      let entities = Set(space.entities[i])
      let names = space.entities[i].filter { !numbers.contains($0) }
      let rare = names.filter { space.documentFrequency[Int($0)] <= bound }
      let lead = Set(space.leadTerms[i])
      out +=
        [
          articles[i].id, rare.map { space.terms[Int($0)] }.joined(separator: "|"),
          rare.filter(lead.contains).map { space.terms[Int($0)] }.joined(separator: "|"),
          names.filter(lead.contains).map { "\(space.terms[Int($0)]):\(space.documentFrequency[Int($0)])" }
            .joined(separator: "|"),
          space.leadTerms[i].filter { !entities.contains($0) && !numbers.contains($0) }
            .map { "\(space.terms[Int($0)]):\(space.documentFrequency[Int($0)])" }.joined(separator: "|"),
        ].joined(separator: "\t") + "\n"
    }
    try Self.write(out, to: path)
  }

  /// Writes `text` to `path`, or says which file could not be written and why.
  static func write(_ text: String, to path: String) throws {
    do {
      try text.write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
      let reason = (error as NSError).localizedDescription
      throw ValidationError("\(path): cannot write the file: \(reason)")
    }
  }
}
