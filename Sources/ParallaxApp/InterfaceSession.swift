import ParallaxCore

/// A message from background work (reading, importing, syncing, comparing) to the interface
/// loop.
public enum LoopMessage: Sendable {
  /// The library to show first (the loop starts with an empty one), problems to report on
  /// exit, and a note for the status line.
  case loaded(any Library, [LoadDiagnostic], String?)
  /// Background work read its inputs with these problems (listed on exit): the library
  /// shown stays, and so does whatever the user is doing.
  case problems([LoadDiagnostic])
  /// The library's data changed (an import finished): reload it and show the note.
  case changed(String?)
  /// Put the cursor on this story (the first of what was imported), if the user has not
  /// moved yet.
  case land(String)
  case event(AppEvent)
}

/// What the interface loop keeps besides the terminal: the app state and the input problems
/// to list on exit. Messages from background work update it here, so the loop's handling of
/// them is tested without a terminal.
public struct InterfaceSession {
  public var state: AppState
  /// Problems reading the inputs, listed when the interface ends.
  public var diagnostics: [LoadDiagnostic] = []

  public init(state: AppState) {
    self.state = state
  }

  /// Applies one message; returns the effects it asks for (an event's).
  public mutating func receive(_ message: LoopMessage) -> [Effect] {
    switch message {
    case .loaded(let library, let problems, let note):
      diagnostics = problems
      state = AppState(
        library: library, width: state.width, height: state.height, theme: state.theme, keymap: state.keymap,
        startsWithThreads: state.startsWithThreads)
      state.message = note
      if !problems.isEmpty { state.message = "\(problems.count) input problems (listed on exit)" }
    case .problems(let problems):
      diagnostics += problems
    case .changed(let note):
      _ = state.library.refresh()
      state.libraryChanged()
      state.message = note ?? state.message
      if !diagnostics.isEmpty { state.message = "\(diagnostics.count) input problems (listed on exit)" }
    case .land(let id):
      state.land(onStory: id)
    case .event(let event):
      return state.apply(event)
    }
    return []
  }
}
