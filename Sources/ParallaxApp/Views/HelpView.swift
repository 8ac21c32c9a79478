import TerminalModel

/// Every key, generated from the action table, so help never drifts from the bindings.
/// Lines longer than the screen are clipped at its edge.
enum HelpView {
  static func lines(_ state: AppState) -> [[StyledRun]] {
    var out: [[StyledRun]] = [[StyledRun("Keys", state.theme.heading)], []]
    for spec in state.keymap.specs {
      let keys = DisplayWidth.pad(
        spec.keys.isEmpty ? "(unbound)" : spec.keys.map(\.name).joined(separator: ", "), to: 16)
      let screens =
        spec.screens.count == ScreenKind.allCases.count
        ? "everywhere" : ScreenKind.allCases.filter(spec.screens.contains).map(\.rawValue).joined(separator: ", ")
      out.append([
        StyledRun("  " + keys + " "), StyledRun(spec.help), StyledRun("  (" + screens + ")", state.theme.dim),
      ])
    }
    out.append([])
    out.append([StyledRun("In the search prompt: Enter searches, Esc cancels.", state.theme.dim)])
    // Lines are aligned columns: clipped at the edge, not wrapped (wrapping folds spaces).
    return out
  }

  static func render(_ state: AppState, into buffer: inout Buffer) {
    let all = lines(state)
    for row in 0..<state.contentHeight {
      let index = state.helpScroll + row
      guard all.indices.contains(index) else { break }
      buffer.put(all[index], x: 0, y: row)
    }
  }
}
