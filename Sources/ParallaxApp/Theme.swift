import TerminalModel

/// The styles of every element, for a colour capability. Legible on dark and light
/// backgrounds: highlights use coloured text plus an attribute, never a fixed background.
public struct Theme: Sendable, Hashable {
  public var deleted: Style
  public var inserted: Style
  public var moved: Style
  public var gutter: Style
  public var border: Style
  public var heading: Style
  public var selection: Style
  public var dim: Style
  public var warning: Style
  /// Mark word changes with `[-deleted-]` and `{+inserted+}` (for output without any styling).
  public var textMarkers = false

  /// Colour themes for terminals with at least 8 colours.
  public static let colour = Theme(
    deleted: Style(foreground: 1, bold: true, underline: false), inserted: Style(foreground: 2, bold: true),
    moved: Style(foreground: 5), gutter: Style(foreground: 6), border: Style(foreground: 4), heading: Style(bold: true),
    selection: Style(reverse: true), dim: Style(dim: true), warning: Style(foreground: 3, bold: true))

  /// Without colour: attributes only (deleted underlined, inserted bold, moved reverse markers).
  public static let monochrome = Theme(
    deleted: Style(underline: true), inserted: Style(bold: true), moved: Style(reverse: true), gutter: Style(),
    border: Style(), heading: Style(bold: true), selection: Style(reverse: true), dim: Style(dim: true),
    warning: Style(bold: true))

  /// For plain text output (pipes, `NO_COLOR`): no styling, changes marked in the text.
  public static let plainText = Theme(
    deleted: Style(), inserted: Style(), moved: Style(), gutter: Style(), border: Style(), heading: Style(),
    selection: Style(), dim: Style(), warning: Style(), textMarkers: true)
}
