/// One terminal cell: a grapheme cluster (or nothing, for the right half of a wide one) and
/// its style.
public struct Cell: Sendable, Hashable {
  /// The grapheme drawn here; empty for the continuation of a wide grapheme to the left.
  public var text: String
  public var style: Style
  /// Columns the grapheme takes: 1, 2 for wide ones, 0 for a continuation.
  public var width: UInt8

  public init(text: String = " ", style: Style = .plain, width: UInt8 = 1) {
    self.text = text
    self.style = style
    self.width = width
  }

  /// An empty cell.
  public static let blank = Cell()

  /// The right half of a wide grapheme.
  public static func continuation(_ style: Style) -> Cell { Cell(text: "", style: style, width: 0) }
}
