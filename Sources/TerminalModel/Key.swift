/// A key press, independent of the terminal library.
public enum Key: Hashable, Sendable {
  case character(Character)
  case enter, tab, backTab, escape, backspace
  case up, down, left, right, pageUp, pageDown, home, end
  case resize
  /// A mouse click at a cell.
  case click(x: Int, y: Int)
  case wheelUp, wheelDown
  case unknown

  /// Parses a key name as written in the config and help: a single character, or `Enter`,
  /// `Tab`, `BackTab`, `Esc`, `Backspace`, `Space`, `Up`, `Down`, `Left`, `Right`, `PageUp`,
  /// `PageDown`, `Home`, `End`.
  public init?(name: String) {
    switch name.lowercased() {
    case "enter", "return": self = .enter
    case "tab": self = .tab
    case "backtab", "shift-tab": self = .backTab
    case "esc", "escape": self = .escape
    case "backspace": self = .backspace
    case "space": self = .character(" ")
    case "up": self = .up
    case "down": self = .down
    case "left": self = .left
    case "right": self = .right
    case "pageup", "pgup": self = .pageUp
    case "pagedown", "pgdn": self = .pageDown
    case "home": self = .home
    case "end": self = .end
    default:
      guard name.count == 1, let c = name.first else { return nil }
      self = .character(c)
    }
  }

  /// The name shown in help.
  public var name: String {
    switch self {
    case .character(" "): return "Space"
    case .character(let c): return String(c)
    case .enter: return "Enter"
    case .tab: return "Tab"
    case .backTab: return "BackTab"
    case .escape: return "Esc"
    case .backspace: return "Backspace"
    case .up: return "Up"
    case .down: return "Down"
    case .left: return "Left"
    case .right: return "Right"
    case .pageUp: return "PageUp"
    case .pageDown: return "PageDown"
    case .home: return "Home"
    case .end: return "End"
    case .resize: return "Resize"
    case .click: return "Click"
    case .wheelUp: return "WheelUp"
    case .wheelDown: return "WheelDown"
    case .unknown: return "?"
    }
  }
}
