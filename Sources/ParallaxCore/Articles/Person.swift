/// A person a feed names as an article's author or contributor.
public struct Person: Sendable, Hashable, Codable {
  public var name: String?
  public var email: String?
  /// A home page or profile address.
  public var uri: String?

  public init(name: String? = nil, email: String? = nil, uri: String? = nil) {
    self.name = name
    self.email = email
    self.uri = uri
  }

  /// Reads the forms feeds write a person in one string: `jo@example.org (Jo Bloggs)`
  /// (RSS), `Jo Bloggs <jo@example.org>`, a bare address, or a bare name.
  public init?(parsing text: String) {
    let t = PlainTextReader.collapseSpaces(text)
    guard !t.isEmpty else { return nil }
    func isEmail(_ s: Substring) -> Bool { s.contains("@") && !s.contains(" ") && !s.hasPrefix("@") }
    // "address (Name)", "Name (address)" and "Name <address>": the part that is an address
    // is the email, the other the name.
    for (open, close) in [("(", ")"), ("<", ">")] as [(Character, Character)] {
      guard let at = t.lastIndex(of: open), t.last == close else { continue }
      let before = t[..<at].trimmingCharacters(in: .whitespaces)
      let inside = t[t.index(after: at)..<t.index(before: t.endIndex)].trimmingCharacters(in: .whitespaces)
      let (name, email) =
        isEmail(Substring(inside))
        ? (before, inside) : open == "(" && isEmail(Substring(before)) ? (inside, before) : ("", "")
      if !email.isEmpty {
        self.init(name: name.isEmpty ? nil : name, email: email)
        return
      }
    }
    if isEmail(Substring(t)) {
      self.init(email: t.hasPrefix("mailto:") ? String(t.dropFirst(7)) : t)
    } else {
      self.init(name: t)
    }
  }

  /// How the reader shows the person: `Jo Bloggs <jo@example.org>`, or what there is.
  public var display: String {
    switch (name, email) {
    case (let name?, let email?): return "\(name) <\(email)>"
    case (let name?, nil): return name
    case (nil, let email?): return email
    default: return uri ?? ""
    }
  }

  public var isEmpty: Bool { name == nil && email == nil && uri == nil }
}
