import ParallaxApp
import ParallaxCore
import TerminalModel

/// The text form of `parallax compare`: header, aligned columns, and the only-in lists.
public enum ComparisonText {
  public static func render(_ comparison: Comparison, width: Int, colour: Bool) -> [String] {
    let theme = colour ? Theme.colour : Theme.plainText
    let layout = ComparisonLayout(comparison, width: width, theme: theme)
    let column = layout.columnWidth
    let border = ANSI.render([StyledRun(" │ ", theme.border)], colour: colour)
    func pad(_ runs: [StyledRun]) -> String {
      ANSI.render(runs, colour: colour) + String(repeating: " ", count: max(0, column - TextWrapper.width(runs)))
    }
    func side(_ s: Comparison.Side) -> String {
      ControlCharacters.sanitize(s.title + " (" + (s.source ?? s.id) + ")", keepLayout: false)
    }
    var out: [String] = []
    let leftTitle = TextWrapper.wrap([StyledRun(side(comparison.leftArticle), theme.heading)], width: column)
    let rightTitle = TextWrapper.wrap([StyledRun(side(comparison.rightArticle), theme.heading)], width: column)
    for k in 0..<max(leftTitle.count, rightTitle.count) {
      out.append(
        "  " + pad(k < leftTitle.count ? leftTitle[k] : []) + border + pad(k < rightTitle.count ? rightTitle[k] : []))
    }
    out.append("  " + String(repeating: "─", count: column) + "─┼─" + String(repeating: "─", count: column))
    for line in layout.lines {
      let gutter = ANSI.render([StyledRun(line.gutter, theme.gutter)], colour: colour)
      let text = gutter + pad(line.left) + border + ANSI.render(line.right, colour: colour)
      out.append(text)
    }
    out += facts("Only in left: " + side(comparison.leftArticle), comparison.onlyLeft, theme: theme, colour: colour)
    out += facts("Only in right: " + side(comparison.rightArticle), comparison.onlyRight, theme: theme, colour: colour)
    return out
  }

  public static func facts(_ heading: String, _ facts: Facts, theme: Theme, colour: Bool) -> [String] {
    var out = ["", ANSI.render([StyledRun(heading, theme.heading)], colour: colour)]
    if facts.isEmpty { out.append("  (nothing)") }
    func safe(_ s: String) -> String { ControlCharacters.sanitize(s, keepLayout: false) }
    for quote in facts.quotes {
      let flag =
        quote.absentFromOther
        ? ANSI.render([StyledRun("  [quote not in the other version at all]", theme.warning)], colour: colour)
        : "  [paraphrased there, not quoted]"
      out.append(
        "  quote: \u{201C}" + safe(quote.text) + "\u{201D}" + flag + (quote.unattributed ? " [no speaker named]" : ""))
    }
    for number in facts.numbers { out.append("  number: " + safe(number.text)) }
    if !facts.names.isEmpty { out.append("  names: " + safe(facts.names.joined(separator: ", "))) }
    for attribution in facts.attributions { out.append("  attribution: " + safe(attribution)) }
    return out
  }
}
