import ParallaxCore
import TerminalModel

/// One article: title, source and date, link, then the text wrapped at word boundaries.
public enum ReaderView {
  /// The article's lines at `width` (leaving a one-column margin each side).
  public static func lines(_ article: Article, width: Int, theme: Theme) -> [[StyledRun]] {
    let w = max(1, width - 2)
    var lines: [[StyledRun]] = TextWrapper.wrap([StyledRun(article.title, theme.heading)], width: w)
    let meta = [article.source, article.published].compactMap { $0 }.joined(separator: " · ")
    if !meta.isEmpty { lines += TextWrapper.wrap([StyledRun(meta, theme.dim)], width: w) }
    if let url = article.url { lines += TextWrapper.wrap([StyledRun(url, Style(underline: true))], width: w) }
    for paragraph in article.paragraphs {
      lines.append([])
      lines += TextWrapper.wrap([StyledRun(paragraph)], width: w)
    }
    for attribution in article.attributions {
      lines.append([])
      lines += TextWrapper.wrap([StyledRun(attribution, theme.dim)], width: w)
    }
    return lines
  }

  /// The line index of the link's first line, if the article has a link.
  public static func linkLine(_ article: Article, width: Int, theme: Theme) -> Int? {
    guard article.url != nil else { return nil }
    let w = max(1, width - 2)
    var index = TextWrapper.wrap([StyledRun(article.title, theme.heading)], width: w).count
    let meta = [article.source, article.published].compactMap { $0 }.joined(separator: " · ")
    if !meta.isEmpty { index += TextWrapper.wrap([StyledRun(meta, theme.dim)], width: w).count }
    return index
  }

  static func render(_ state: AppState, article: Int, into buffer: inout Buffer) {
    let all = lines(state.library.article(article), width: state.width, theme: state.theme)
    for row in 0..<state.contentHeight {
      let index = state.readerScroll + row
      guard all.indices.contains(index) else { break }
      buffer.put(all[index], x: 1, y: row, limit: state.width - 2)
    }
  }
}
