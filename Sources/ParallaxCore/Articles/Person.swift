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
    if let open = t.lastIndex(of: "("), t.hasSuffix(")") {
      let before = t[..<open].trimmingCharacters(in: .whitespaces)
      let inside = t[t.index(after: open)..<t.index(before: t.endIndex)].trimmingCharacters(in: .whitespaces)
      if isEmail(Substring(before)) {
        self.init(name: inside.isEmpty ? nil : inside, email: before)
        return
      }
      if isEmail(Substring(inside)) {
        self.init(name: before.isEmpty ? nil : before, email: inside)
        return
      }
    }
    if let open = t.lastIndex(of: "<"), t.hasSuffix(">") {
      let before = t[..<open].trimmingCharacters(in: .whitespaces)
      let inside = t[t.index(after: open)..<t.index(before: t.endIndex)].trimmingCharacters(in: .whitespaces)
      if isEmail(Substring(inside)) {
        self.init(name: before.isEmpty ? nil : before, email: inside)
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
