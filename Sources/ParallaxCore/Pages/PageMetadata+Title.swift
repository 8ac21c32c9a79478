import Foundation

extension PageMetadata {
  /// Separators between a headline and a site's name in `<title>`.
  static let separators: Set<Character> = ["|", "-", "–", "—", "\\", "/", ">", "»"]
  /// The separators that mark a path of sections (`News » World » Europe`).
  static let hierarchicalSeparators: Set<Character> = ["\\", "/", ">", "»"]

  /// The headline from `<title>`, as Readability cuts it: the site's name after the last
  /// ` | `, ` - `, ` » `… goes (or the part before the first separator when too little would
  /// be left); after `: ` the last part is kept unless a heading repeats the whole title;
  /// a title that is too short or too long yields to the page's only `<h1>`; a result of
  /// four words or fewer falls back to the whole title.
  static func pageTitle(_ root: PageNode) -> String {
    let original = documentTitle(root)
    var title = original
    var hierarchical = false
    let chars = Array(original)
    func hasSeparator(_ set: Set<Character>) -> Bool {
      guard chars.count >= 3 else { return false }
      return (1..<(chars.count - 1)).contains {
        chars[$0 - 1] == " " && set.contains(chars[$0]) && chars[$0 + 1] == " "
      }
    }
    if hasSeparator(separators) {
      hierarchical = hasSeparator(hierarchicalSeparators)
      // Everything before the last separator that is followed by a space.
      if let cut = (0..<(chars.count - 1)).last(where: { separators.contains(chars[$0]) && chars[$0 + 1] == " " }) {
        title = String(chars[..<cut])
      }
      if wordCount(title) < 3, let first = chars.firstIndex(where: { separators.contains($0) }) {
        title = String(chars[(first + 1)...])
      }
    } else if title.contains(": ") {
      let trimmed = title.trimmingCharacters(in: .whitespaces)
      let headingMatches = root.descendants(named: ["h1", "h2"]).contains {
        $0.textContent.trimmingCharacters(in: .whitespacesAndNewlines) == trimmed
      }
      if !headingMatches, let last = original.lastIndex(of: ":"), let first = original.firstIndex(of: ":") {
        title = String(original[original.index(after: last)...])
        if wordCount(title) < 3 {
          title = String(original[original.index(after: first)...])
        } else if wordCount(String(original[..<first])) > 5 {
          title = original
        }
      }
    } else if title.utf16.count > 150 || title.utf16.count < 15 {
      let headings = root.descendants(named: ["h1"])
      if headings.count == 1 { title = headings[0].innerText }
    }
    title = PageNode.normalise(title)
    let count = wordCount(title)
    if count <= 4
      && (!hierarchical || count != wordCount(String(original.filter { !separators.contains($0) })) - 1)
    {
      title = original
    }
    return title
  }

  /// A `<title>` that Readability's rules left whole (`Coast Herald » News » Storm…`) cut
  /// further: the part that the page's only `<h1>` repeats, else the title without the
  /// site's own name at either end.
  static func headline(in title: String, siteName: String?, root: PageNode) -> String {
    let parts = segments(of: title)
    guard parts.count >= 2 else { return title }
    let headings = root.descendants(named: ["h1"])
    if headings.count == 1 {
      let heading = PageNode.normalise(headings[0].textContent)
      if let match = parts.first(where: { $0.caseInsensitiveCompare(heading) == .orderedSame }) { return match }
    }
    guard let site = siteName?.trimmingCharacters(in: .whitespaces), !site.isEmpty else { return title }
    var kept = parts
    if kept.first?.caseInsensitiveCompare(site) == .orderedSame { kept.removeFirst() }
    if kept.last?.caseInsensitiveCompare(site) == .orderedSame { kept.removeLast() }
    return kept.count == 1 ? kept[0] : title
  }

  /// The parts of a title between separators written with a space on each side.
  static func segments(of title: String) -> [String] {
    let chars = Array(title)
    var parts: [String] = []
    var start = 0
    var i = 1
    while i < chars.count - 1 {
      if chars[i - 1] == " " && separators.contains(chars[i]) && chars[i + 1] == " " {
        parts.append(String(chars[start..<(i - 1)]).trimmingCharacters(in: .whitespaces))
        start = i + 2
        i += 2
      } else {
        i += 1
      }
    }
    parts.append(String(chars[min(start, chars.count)...]).trimmingCharacters(in: .whitespaces))
    return parts.filter { !$0.isEmpty }
  }

  /// Words as JavaScript's `split(/\s+/)` counts them (a leading space counts one).
  static func wordCount(_ text: String) -> Int {
    var count = 1
    var inSpace = false
    for scalar in text.unicodeScalars {
      if PageNode.isSpace(scalar) {
        if !inSpace { count += 1 }
        inSpace = true
      } else {
        inSpace = false
      }
    }
    return count
  }
}
