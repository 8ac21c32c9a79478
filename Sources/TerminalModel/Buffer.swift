/// A grid of cells that views render into; the backend draws only what changed since the
/// last frame (``diff(from:)``).
///
/// Writing is width-aware: a wide grapheme takes two cells (the second a continuation), a
/// grapheme that would straddle the right edge is replaced by a space, zero-width graphemes
/// are attached to the previous cell, and control characters become visible placeholders, so
/// nothing written can move the cursor or reach the terminal as a sequence.
public struct Buffer: Sendable, Hashable {
  public let width: Int
  public let height: Int
  public private(set) var cells: [Cell]

  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: .blank, count: self.width * self.height)
  }

  public subscript(x: Int, y: Int) -> Cell {
    get { cells[y * width + x] }
    set { cells[y * width + x] = newValue }
  }

  /// Writes `text` at (`x`, `y`), at most `limit` columns (default: to the right edge).
  /// - Returns: the columns written.
  @discardableResult
  public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int? = nil) -> Int {
    guard y >= 0, y < height, x >= 0, x < width else { return 0 }
    let end = min(width, x + (limit ?? width))
    var column = x
    let safe = ControlCharacters.sanitize(text, keepLayout: false)
    for character in safe {
      let w = DisplayWidth.of(character)
      if w == 0 {
        // A lone combining mark or zero-width character: attach to the previous cell.
        if column > x, let previous = lastCellStart(before: column, y: y) {
          self[previous, y].text.append(character)
        }
        continue
      }
      if column + w > end {
        if w == 2 && column < end { self[column, y] = Cell(text: " ", style: style) }
        break
      }
      clearWide(at: column, y: y)
      self[column, y] = Cell(text: String(character), style: style, width: UInt8(w))
      if w == 2 {
        clearWide(at: column + 1, y: y)
        self[column + 1, y] = .continuation(style)
      }
      column += w
    }
    return column - x
  }

  /// Writes styled runs one after another from (`x`, `y`); returns the columns written.
  @discardableResult
  public mutating func put(_ runs: [StyledRun], x: Int, y: Int, limit: Int? = nil) -> Int {
    var used = 0
    let total = limit ?? (width - x)
    for run in runs where used < total {
      used += put(run.text, x: x + used, y: y, style: run.style, limit: total - used)
    }
    return used
  }

  /// Fills a rectangle with spaces in `style`.
  public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: Style = .plain) {
    for row in max(0, y)..<min(height, y + h) {
      for column in max(0, x)..<min(width, x + w) { self[column, row] = Cell(text: " ", style: style) }
    }
  }

  /// Removes a wide grapheme overlapping column `x` so that no half of one survives.
  mutating func clearWide(at x: Int, y: Int) {
    guard x < width else { return }
    let cell = self[x, y]
    if cell.width == 0 && x > 0 && self[x - 1, y].width == 2 {
      self[x - 1, y] = Cell(text: " ", style: self[x - 1, y].style)
    } else if cell.width == 2 && x + 1 < width {
      self[x + 1, y] = Cell(text: " ", style: cell.style)
    }
  }

  func lastCellStart(before x: Int, y: Int) -> Int? {
    var column = x - 1
    while column >= 0 && self[column, y].width == 0 { column -= 1 }
    return column >= 0 ? column : nil
  }

  /// The text of each row, trailing spaces removed (for tests and screen dumps).
  public var lines: [String] {
    (0..<height).map { y in
      var line = ""
      for x in 0..<width { line += self[x, y].text }
      while line.hasSuffix(" ") { line.removeLast() }
      return line
    }
  }

  /// A cell that differs from the previous frame.
  public struct Change: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var cell: Cell
  }

  /// The cells to draw to turn `previous` into this buffer; every cell when `previous` is nil
  /// or of another size (after a resize the screen is redrawn whole).
  public func diff(from previous: Buffer?) -> [Change] {
    var changes: [Change] = []
    let full = previous == nil || previous!.width != width || previous!.height != height
    for y in 0..<height {
      for x in 0..<width {
        let cell = self[x, y]
        if full || previous![x, y] != cell {
          // A wide grapheme is redrawn whole when either half changed.
          if cell.width == 0 && x > 0, changes.last.map({ $0.x != x - 1 || $0.y != y }) ?? true {
            changes.append(Change(x: x - 1, y: y, cell: self[x - 1, y]))
          }
          changes.append(Change(x: x, y: y, cell: cell))
        }
      }
    }
    return changes
  }
}
