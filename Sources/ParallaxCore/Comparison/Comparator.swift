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
  /// The alignment and the two fact extractions run concurrently (they are independent).
  public func compare(_ left: Article, _ right: Article) -> Comparison {
    let l = left.paragraphs
    let r = right.paragraphs
    let results = ChunkedResults<Part>(chunks: 3)
    DispatchQueue.concurrentPerform(iterations: 3) { task in
      switch task {
      case 0: results.set(0, [.rows(Self.rows(groups: aligner.align(left: l, right: r), left: l, right: r))])
      case 1: results.set(1, [.facts(FactExtractor.extract(left))])
      default: results.set(2, [.facts(FactExtractor.extract(right))])
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

  static func oneSided(_ kind: ComparisonRow.Kind, _ text: String, index: Int) -> ComparisonRow {
    let isLeft = kind == .leftOnly
    let span = [WordSpan(text: WordDiff.words(text).joined(separator: " "), op: isLeft ? .delete : .insert)]
    return ComparisonRow(
      kind: kind, leftParagraphs: isLeft ? [index] : [], rightParagraphs: isLeft ? [] : [index],
      left: isLeft ? text : nil, right: isLeft ? nil : text, leftSpans: isLeft ? span : [],
      rightSpans: isLeft ? [] : span, score: 0)
  }

  static func pairRow(_ g: ParagraphAligner.Group, left: [String], right: [String]) -> ComparisonRow {
    let l = g.left.map { left[$0] }.joined(separator: "\n\n")
    let r = g.right.map { right[$0] }.joined(separator: "\n\n")
    let same = TextNormalizer.normalize(l) == TextNormalizer.normalize(r)
    let (ls, rs) =
      same
      ? (
        [WordSpan(text: WordDiff.words(l).joined(separator: " "), op: .equal)],
        [WordSpan(text: WordDiff.words(r).joined(separator: " "), op: .equal)]
      )
      : WordDiff.diff(l, r)
    let kind: ComparisonRow.Kind = g.moved ? .moved : same ? .same : .changed
    let equalWords = ls.filter { $0.op == .equal }.reduce(0) { $0 + WordDiff.words($1.text).count }
    let total = WordDiff.words(l).count + WordDiff.words(r).count
    let score = same ? 1 : total == 0 ? 0 : 2 * Double(equalWords) / Double(total)
    return ComparisonRow(
      kind: kind, leftParagraphs: g.left, rightParagraphs: g.right, left: l, right: r, leftSpans: ls, rightSpans: rs,
      score: (score * 1000).rounded() / 1000)
  }
}
