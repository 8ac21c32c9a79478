import TerminalModel

/// The session's log: what syncs reported, then problems met (a store that could not be
/// read), oldest first, wrapped to the screen.
enum LogView {
  static func lines(_ state: AppState) -> [[StyledRun]] {
    let w = max(1, state.width - 2)
    var out: [[StyledRun]] = [[StyledRun("Log", state.theme.heading)]]
    if state.activity.isEmpty && state.log.isEmpty {
      out.append([])
      out.append([StyledRun("Nothing yet: R syncs every feed; its reports are listed here.", state.theme.dim)])
    }
    if !state.activity.isEmpty {
      out.append([])
      out.append([StyledRun("Sync", state.theme.heading)])
      for line in state.activity {
        let style = line.contains(": FAILED: ") ? state.theme.warning : Style.plain
        out += TextWrapper.wrap([StyledRun(line, style)], width: w)
      }
    }
    if !state.log.isEmpty {
      out.append([])
      out.append([StyledRun("Problems", state.theme.heading)])
      for line in state.log { out += TextWrapper.wrap([StyledRun(line, state.theme.warning)], width: w) }
    }
    return out
  }

  static func render(_ state: AppState, into buffer: inout Buffer) {
    let all = lines(state)
    for row in 0..<state.contentHeight {
      let index = state.logScroll + row
      guard all.indices.contains(index) else { break }
      buffer.put(all[index], x: 1, y: row, limit: state.width - 2)
    }
  }
}
