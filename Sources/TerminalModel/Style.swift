/// How a cell looks: colours and attributes. Colours are indices into the terminal palette
/// (0–15 the basic and bright colours, 16–255 the extended ones), or nil for the default.
public struct Style: Sendable, Hashable {
  public var foreground: UInt8?
  public var background: UInt8?
  public var bold = false
  public var underline = false
  public var reverse = false
  public var dim = false

  public init(
    foreground: UInt8? = nil, background: UInt8? = nil, bold: Bool = false, underline: Bool = false,
    reverse: Bool = false, dim: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.underline = underline
    self.reverse = reverse
    self.dim = dim
  }

  /// The default look.
  public static let plain = Style()
}

/// A run of text with one style.
public struct StyledRun: Sendable, Hashable {
  public var text: String
  public var style: Style

  public init(_ text: String, _ style: Style = .plain) {
    self.text = text
    self.style = style
  }
}
