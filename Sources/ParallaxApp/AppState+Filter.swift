import ParallaxCore

/// `F`: a typed filter over the story list (``StoryQuery``), shown in the title line;
/// Esc or `q` on the list clears it.
extension AppState {
  /// Applies what was typed; an empty filter clears it, a bad one says why and keeps the
  /// list as it was.
  mutating func applyFilter(_ text: String) {
    guard !text.allSatisfy({ $0 == " " || $0 == "\t" }) else {
      if library.filter.query != nil { clearFilter() }
      return
    }
    let query: StoryQuery
    do {
      query = try StoryQuery(parsing: text)
    } catch {
      message = "filter: \(error)"
      return
    }
    var filter = library.filter
    filter.query = query
    library.setFilter(filter)
    list = ListState()
    _ = takeLibraryProblems()
    message = "\(library.storyCount) \(library.storyCount == 1 ? "story matches" : "stories match")"
  }

  /// Shows every story of the list again (its other views stay).
  mutating func clearFilter() {
    var filter = library.filter
    filter.query = nil
    library.setFilter(filter)
    list = ListState()
    message = "filter cleared"
  }
}
