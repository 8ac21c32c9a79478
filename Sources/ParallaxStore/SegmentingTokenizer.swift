import GRDB
import ParallaxCore

/// The search index's FTS5 tokenizer, `parallax`: SQLite's `unicode61` (case and diacritics
/// folded, punctuation separates), with every token split as the grouping tokenizer splits
/// text (``UnspacedScript``): a run of Han, kana, Hangul or Thai becomes overlapping pairs of
/// characters, and a run ends where the script changes ("iPhone手机" gives "iphone", "手机").
/// A query is split the same way, and FTS5 reads the pieces of one query word as a phrase,
/// so `佩斯科夫` finds the name inside "克里姆林宫发言人佩斯科夫说" and nothing that only
/// holds its characters apart. Tokens without such scripts pass through untouched.
///
/// Written by hand because SQLite's own tokenizers either keep a CJK run whole (`unicode61`)
/// or index every three characters (`trigram`, which misses two-character words and changes
/// ranking for all text); GRDB's wrapper protocol converts every token to a `String`, which
/// the import pays for on every word, so this one works on the bytes (decisions.md).
final class SegmentingTokenizer: FTS5CustomTokenizer {
  static let name = "parallax"
  private let wrapped: any FTS5Tokenizer

  init(db: Database, arguments: [String]) throws {
    wrapped = try db.makeTokenizer(.unicode61())
  }

  /// The context handed through the wrapped tokenizer to the callback below.
  private struct Context {
    let context: UnsafeMutableRawPointer?
    let callback: FTS5TokenCallback
  }

  func tokenize(
    context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization, pText: UnsafePointer<CChar>?, nText: CInt,
    tokenCallback: @escaping FTS5TokenCallback
  ) -> CInt {
    var outer = Context(context: context, callback: tokenCallback)
    return withUnsafeMutablePointer(to: &outer) { pointer in
      wrapped.tokenize(context: pointer, tokenization: tokenization, pText: pText, nText: nText) {
        raw, flags, token, count, start, end in
        let outer = raw!.assumingMemoryBound(to: Context.self).pointee
        guard let token, count > 0 else { return 0 }
        let bytes = UnsafeRawBufferPointer(start: token, count: Int(count))
        // Scripts written without spaces are all beyond U+0800: three-byte sequences and up.
        guard bytes.contains(where: { $0 >= 0xE0 }) else {
          return outer.callback(outer.context, flags, token, count, start, end)
        }
        for piece in SegmentingTokenizer.pieces(bytes) {
          let code = outer.callback(
            outer.context, flags, token + piece.lowerBound, CInt(piece.count), start, end)
          if code != 0 { return code }
        }
        return 0
      }
    }
  }

  /// The byte ranges a token's bytes split into: runs of other scripts whole, runs of
  /// unspaced scripts as overlapping pairs of characters.
  static func pieces(_ bytes: UnsafeRawBufferPointer) -> [Range<Int>] {
    var pieces: [Range<Int>] = []
    var other = -1
    var run: [Int] = []
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      let width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
      var value = UInt32(b)
      if width > 1 && i + width <= bytes.count {
        value = UInt32(b) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for k in 1..<width { value = value << 6 | (UInt32(bytes[i + k]) & 0x3F) }
      }
      if UnspacedScript.contains(value) {
        if other >= 0 {
          pieces.append(other..<i)
          other = -1
        }
        run.append(i)
      } else {
        if !run.isEmpty {
          pieces += UnspacedScript.segments(starts: run, end: i)
          run.removeAll()
        }
        if other < 0 { other = i }
      }
      i += min(width, bytes.count - i)
    }
    if other >= 0 { pieces.append(other..<bytes.count) }
    if !run.isEmpty { pieces += UnspacedScript.segments(starts: run, end: bytes.count) }
    return pieces
  }
}
