import ParallaxCore
import TerminalModel

/// One article: title, source and date, link, authors, the files it carries (a podcast's
/// audio), then the text wrapped at word boundaries, its categories last.
public enum ReaderView {
  /// The lines of the article with handle `handle` as the state shows it: the article, then
  /// for a summary, a note on fetching its page.
  static func lines(_ handle: Int, in state: AppState) -> [[StyledRun]] {
    let article = state.library.article(handle)
    var all = lines(article, width: state.width, theme: state.theme)
    if let note = note(handle, article: article, in: state) {
      all.append([])
      all += TextWrapper.wrap([StyledRun(note, state.theme.dim)], width: max(1, state.width - 2))
    }
    return all
  }

  /// The note under a summary: how to fetch its page, or that it is being fetched.
  static func note(_ handle: Int, article: Article, in state: AppState) -> String? {
    guard AppState.isSummaryOnly(article) else { return nil }
    if state.pageFetches.contains(handle) { return "Fetching the article's page…" }
    guard let key = state.keymap.spec(.fetchPage).keys.first else { return nil }
    let words = article.wordCount
    return "Only a summary (\(words) words) is stored: \(key.name) fetches the full text from the article's page."
  }

  /// The line under the title: source, publication time and language (`BBC · 2005-01-01 ·
  /// en`), each when known.
  static func meta(_ article: Article) -> String {
    [article.source, article.published, article.language].compactMap { $0 }.joined(separator: " · ")
  }

  /// The article's lines at `width` (leaving a one-column margin each side).
  public static func lines(_ article: Article, width: Int, theme: Theme) -> [[StyledRun]] {
    let w = max(1, width - 2)
    var lines: [[StyledRun]] = TextWrapper.wrap([StyledRun(article.title, theme.heading)], width: w)
    let meta = Self.meta(article)
    if !meta.isEmpty { lines += TextWrapper.wrap([StyledRun(meta, theme.dim)], width: w) }
    if let url = article.url { lines += TextWrapper.wrap([StyledRun(url, Style(underline: true))], width: w) }
    let authors = article.authors.map(\.display).filter { !$0.isEmpty }
    if !authors.isEmpty {
      lines += TextWrapper.wrap([StyledRun("By " + authors.joined(separator: ", "), theme.dim)], width: w)
    }
    for enclosure in article.enclosures {
      let details = [enclosure.type, enclosure.length.map(Self.size)].compactMap { $0 }.joined(separator: ", ")
      lines += TextWrapper.wrap(
        [
          StyledRun("Media: ", theme.dim), StyledRun(enclosure.url, Style(underline: true)),
          StyledRun(details.isEmpty ? "" : " (\(details))", theme.dim),
        ], width: w)
    }
    for paragraph in article.paragraphs {
      lines.append([])
      lines += TextWrapper.wrap([StyledRun(paragraph)], width: w)
    }
    if !article.categories.isEmpty {
      lines.append([])
      lines += TextWrapper.wrap(
        [StyledRun("Filed under: " + article.categories.joined(separator: " · "), theme.dim)], width: w)
    }
    for attribution in article.attributions {
      lines.append([])
      lines += TextWrapper.wrap([StyledRun(attribution, theme.dim)], width: w)
    }
    return lines
  }

  /// A size in bytes as people read it: 980 B, 12 kB, 3.4 MB.
  static func size(_ bytes: Int) -> String {
    if bytes < 1000 { return "\(bytes) B" }
    if bytes < 1_000_000 { return "\(bytes / 1000) kB" }
    let tenths = (bytes + 50_000) / 100_000
    return "\(tenths / 10).\(tenths % 10) MB"
  }

  /// The line index of the link's first line, if the article has a link.
  public static func linkLine(_ article: Article, width: Int, theme: Theme) -> Int? {
    guard article.url != nil else { return nil }
    let w = max(1, width - 2)
    var index = TextWrapper.wrap([StyledRun(article.title, theme.heading)], width: w).count
    let meta = Self.meta(article)
    if !meta.isEmpty { index += TextWrapper.wrap([StyledRun(meta, theme.dim)], width: w).count }
    return index
  }

  static func render(_ state: AppState, article: Int, into buffer: inout Buffer) {
    let all = lines(article, in: state)
    for row in 0..<state.contentHeight {
      let index = state.readerScroll + row
      guard all.indices.contains(index) else { break }
      buffer.put(all[index], x: 1, y: row, limit: state.width - 2)
    }
  }
}
