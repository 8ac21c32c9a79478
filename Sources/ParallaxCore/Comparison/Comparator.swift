import Foundation

/// Compares two versions of an article: aligns their paragraphs, diffs words inside aligned
/// pairs, and lists what only one version has.
///
/// Row order: rows follow the left version's paragraph order. Right-only paragraphs are placed
/// just before the next in-place pair that follows them on the right, so every left paragraph
/// appears once, in order, and every right paragraph appears once, in order among the rows
/// that are not `moved`. A `moved` row sits at its left position and shows its right
/// counterpart beside it.
public struct Comparator: Sendable {
  public var aligner = ParagraphAligner()

  public init() {}

  /// Compares `left` with `right`.
  /// The alignment and the fact extraction run concurrently (they are independent).
  public func compare(_ left: Article, _ right: Article) -> Comparison {
    let l = left.paragraphs
    let r = right.paragraphs
    let shared = Set(l).intersection(r)
    let preparedSides = ChunkedResults<PreparedText>(chunks: 2)
    DispatchQueue.concurrentPerform(iterations: 2) { side in
      preparedSides.set(side, [PreparedText(paragraphs: side == 0 ? l : r)])
    }
    let pl = preparedSides.part(0)[0]
    let pr = preparedSides.part(1)[0]
    // Two tasks of about equal work, one per core: the alignment with its word diffs, and
    // the facts of both sides.
    let results = ChunkedResults<Part>(chunks: 2)
    DispatchQueue.concurrentPerform(iterations: 2) { task in
      if task == 0 {
        results.set(0, [.rows(Self.rows(groups: aligner.align(pl, pr), left: l, right: r))])
      } else {
        results.set(
          1,
          [
            .facts(FactExtractor.extract(left, prepared: pl, shared: shared)),
            .facts(FactExtractor.extract(right, prepared: pr, shared: shared)),
          ])
      }
    }
    let parts = results.joined()
    guard case .rows(let rows) = parts[0], case .facts(let leftFacts) = parts[1], case .facts(let rightFacts) = parts[2]
    else { preconditionFailure("every task stores its part") }
    let only = ChunkedResults<Facts>(chunks: 2)
    DispatchQueue.concurrentPerform(iterations: 2) { side in
      only.set(
        side,
        [
          side == 0
            ? FactExtractor.missing(from: rightFacts, present: leftFacts)
            : FactExtractor.missing(from: leftFacts, present: rightFacts)
        ])
    }
    return Comparison(
      leftArticle: .init(id: left.id, title: left.title, source: left.source),
      rightArticle: .init(id: right.id, title: right.title, source: right.source),
      rows: rows, onlyLeft: only.part(0)[0], onlyRight: only.part(1)[0])
  }

  /// One task's result.
  enum Part {
    case rows([ComparisonRow])
    case facts(ExtractedFacts)
  }

  /// Lays the groups out as rows; see the type's description.
  static func rows(groups: [ParagraphAligner.Group], left: [String], right: [String]) -> [ComparisonRow] {
    var groupAtLeft: [Int: ParagraphAligner.Group] = [:]
    var groupedLeft = Set<Int>()
    var groupedRight = Set<Int>()
    for g in groups {
      groupAtLeft[g.left[0]] = g
      groupedLeft.formUnion(g.left)
      groupedRight.formUnion(g.right)
    }
    var rows: [ComparisonRow] = []
    var nextRight = 0
    func flushRightOnly(before limit: Int) {
      while nextRight < min(limit, right.count) {
        if !groupedRight.contains(nextRight) {
          rows.append(oneSided(.rightOnly, right[nextRight], index: nextRight))
        }
        nextRight += 1
      }
    }
    for i in left.indices {
      if let g = groupAtLeft[i] {
        if !g.moved {
          flushRightOnly(before: g.right[0])
          nextRight = max(nextRight, g.right.last! + 1)
        }
        rows.append(pairRow(g, left: left, right: right))
      } else if !groupedLeft.contains(i) {
        rows.append(oneSided(.leftOnly, left[i], index: i))
      }
    }
    flushRightOnly(before: right.count)
    return rows
  }

  /// The words of `text` separated by single spaces (readers already give most text so).
  static func singleSpaced(_ text: String) -> String {
    if text.contains("\n\n") {
      return WordDiff.joined(WordDiff.wordsKeepingParagraphs(text))
    }
    var previousSpace = true
    for b in text.utf8 {
      let space = b == 0x20
      if b == 0x0A || b == 0x09 || b == 0x0D || (space && previousSpace) {
        return WordDiff.joined(WordDiff.words(text))
      }
      previousSpace = space
    }
    return previousSpace && !text.isEmpty ? WordDiff.joined(WordDiff.words(text)) : text
  }

  static func oneSided(_ kind: ComparisonRow.Kind, _ text: String, index: Int) -> ComparisonRow {
    let isLeft = kind == .leftOnly
    let span = [WordSpan(text: singleSpaced(text), op: isLeft ? .delete : .insert)]
    return ComparisonRow(
      kind: kind, leftParagraphs: isLeft ? [index] : [], rightParagraphs: isLeft ? [] : [index],
      left: isLeft ? text : nil, right: isLeft ? nil : text, leftSpans: isLeft ? span : [],
      rightSpans: isLeft ? [] : span, score: 0)
  }

  static func pairRow(_ g: ParagraphAligner.Group, left: [String], right: [String]) -> ComparisonRow {
    let l = g.left.map { left[$0] }.joined(separator: "\n\n")
    let r = g.right.map { right[$0] }.joined(separator: "\n\n")
    if g.identical || TextNormalizer.normalize(l) == TextNormalizer.normalize(r) {
      return ComparisonRow(
        kind: g.moved ? .moved : .same, leftParagraphs: g.left, rightParagraphs: g.right, left: l, right: r,
        leftSpans: [WordSpan(text: singleSpaced(l), op: .equal)],
        rightSpans: [WordSpan(text: singleSpaced(r), op: .equal)], score: 1)
    }
    let (ls, rs) = WordDiff.diff(l, r)
    // Span texts hold words separated by single spaces (characters of unspaced scripts
    // count one each).
    func words(_ spans: [WordSpan]) -> Int {
      spans.reduce(0) { $0 + WordDiff.words($1.text).words.count }
    }
    let total = words(ls) + words(rs)
    let score = total == 0 ? 0 : 2 * Double(words(ls.filter { $0.op == .equal })) / Double(total)
    return ComparisonRow(
      kind: g.moved ? .moved : .changed, leftParagraphs: g.left, rightParagraphs: g.right, left: l, right: r,
      leftSpans: ls, rightSpans: rs, score: (score * 1000).rounded() / 1000)
  }

}
