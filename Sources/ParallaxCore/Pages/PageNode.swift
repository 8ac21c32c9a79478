import Foundation

/// One node of a web page's tree as the reader-view extractor edits it: an element with
/// its lowercased name, attributes and children, or a run of text. Built from libxml2's
/// parse (``PageNode/tree(of:)``) because the extractor moves, renames and removes nodes
/// freely, which libxml2's tree makes awkward and unsafe; the extractor's per-node state
/// (score, data-table mark) lives here too.
///
/// ```
/// <div class="post"><p>One.</p>tail</div>
/// ```
/// is an element `div` (attributes `class=post`) whose children are an element `p` and a
/// text node `tail`.
final class PageNode {
  /// The element's lowercased name; empty for text.
  var name: String
  /// The text of a text node; empty for elements.
  var text: String
  /// Attributes in document order, names lowercased.
  var attributes: [(name: String, value: String)]
  /// Children in document order.
  private(set) var children: [PageNode] = []
  /// The parent, nil for the root and for detached nodes.
  private(set) weak var parent: PageNode?
  /// The extractor's content score, once the node is a candidate.
  var score: Double?
  /// Whether the extractor judged this table a data table (kept) rather than layout.
  var isDataTable = false

  var isText: Bool { name.isEmpty }
  var isElement: Bool { !name.isEmpty }

  init(element name: String, attributes: [(name: String, value: String)] = []) {
    self.name = name
    self.text = ""
    self.attributes = attributes
  }

  init(text: String) {
    self.name = ""
    self.text = text
    self.attributes = []
  }

  // MARK: Attributes

  func attribute(_ name: String) -> String? {
    attributes.first(where: { $0.name == name })?.value
  }

  func hasAttribute(_ name: String) -> Bool { attributes.contains(where: { $0.name == name }) }

  func setAttribute(_ name: String, _ value: String) {
    if let index = attributes.firstIndex(where: { $0.name == name }) {
      attributes[index].value = value
    } else {
      attributes.append((name, value))
    }
  }

  var className: String { attribute("class") ?? "" }
  var id: String { attribute("id") ?? "" }

  // MARK: Structure

  /// The element children, in order.
  var elementChildren: [PageNode] { children.filter(\.isElement) }

  /// The first child, if any.
  var firstChild: PageNode? { children.first }

  /// The sibling after this node, text included.
  var nextSibling: PageNode? {
    guard let parent, let index = parent.index(of: self), index + 1 < parent.children.count else { return nil }
    return parent.children[index + 1]
  }

  /// The element sibling after this node.
  var nextElementSibling: PageNode? {
    guard let parent, let index = parent.index(of: self) else { return nil }
    return parent.children[(index + 1)...].first(where: \.isElement)
  }

  func index(of child: PageNode) -> Int? { children.firstIndex(where: { $0 === child }) }

  /// Appends `child`, taking it from its present parent first.
  func append(_ child: PageNode) {
    child.remove()
    child.parent = self
    children.append(child)
  }

  /// Takes this node out of its parent.
  func remove() {
    guard let parent, let index = parent.index(of: self) else { return }
    parent.children.remove(at: index)
    self.parent = nil
  }

  /// Puts `replacement` where this node is; this node is detached.
  func replace(with replacement: PageNode) {
    guard let parent, let index = parent.index(of: self), replacement !== self else { return }
    replacement.remove()
    replacement.parent = parent
    parent.children[parent.index(of: self) ?? index] = replacement
    self.parent = nil
  }

  /// Moves every child of `other` to the end of this node's children.
  func adoptChildren(of other: PageNode) {
    let moved = other.children
    other.children = []
    for child in moved {
      child.parent = self
      children.append(child)
    }
  }

  /// The chain of ancestors, nearest first; at most `limit` of them when one is given.
  func ancestors(limit: Int = 0) -> [PageNode] {
    var result: [PageNode] = []
    var node = parent
    while let current = node {
      result.append(current)
      if limit > 0 && result.count == limit { break }
      node = current.parent
    }
    return result
  }

  /// Whether an ancestor within `maxDepth` levels (every level when `maxDepth` is negative)
  /// is named `name` and passes `filter`.
  func hasAncestor(named name: String, maxDepth: Int = 3, where filter: ((PageNode) -> Bool)? = nil) -> Bool {
    var depth = 0
    var node = self
    while let parent = node.parent {
      if maxDepth > 0 && depth > maxDepth { return false }
      if parent.name == name && (filter?(parent) ?? true) { return true }
      node = parent
      depth += 1
    }
    return false
  }

  /// The descendant elements named in `names`, in document order (this node excluded).
  func descendants(named names: Set<String>) -> [PageNode] {
    var result: [PageNode] = []
    collect(into: &result) { names.contains($0.name) }
    return result
  }

  /// The first descendant element (document order) that passes `test`.
  func firstDescendant(where test: (PageNode) -> Bool) -> PageNode? {
    for child in children where child.isElement {
      if test(child) { return child }
      if let found = child.firstDescendant(where: test) { return found }
    }
    return nil
  }

  /// The number of descendant elements named `name`.
  func count(named name: String) -> Int {
    var total = 0
    for child in children where child.isElement {
      if child.name == name { total += 1 }
      total += child.count(named: name)
    }
    return total
  }

  private func collect(into result: inout [PageNode], _ matches: (PageNode) -> Bool) {
    for child in children where child.isElement {
      if matches(child) { result.append(child) }
      child.collect(into: &result, matches)
    }
  }

  /// The next element in depth-first order: the first child, else the next sibling, else
  /// an ancestor's next sibling. With `skippingChildren`, this node's subtree is passed over.
  func nextInDocument(skippingChildren: Bool = false) -> PageNode? {
    if !skippingChildren, let first = children.first(where: \.isElement) { return first }
    var node: PageNode? = self
    while let current = node {
      if let sibling = current.nextElementSibling { return sibling }
      node = current.parent
    }
    return nil
  }

  /// A deep copy, detached.
  func clone() -> PageNode {
    let copy = isText ? PageNode(text: text) : PageNode(element: name, attributes: attributes)
    for child in children {
      let childCopy = child.clone()
      childCopy.parent = copy
      copy.children.append(childCopy)
    }
    return copy
  }

  // MARK: Text

  /// All the text inside, as the DOM's `textContent` gives it.
  var textContent: String {
    if isText { return text }
    var result = ""
    appendText(to: &result)
    return result
  }

  private func appendText(to result: inout String) {
    for child in children {
      if child.isText { result += child.text } else { child.appendText(to: &result) }
    }
  }

  /// The text trimmed, runs of two or more spaces folded to one (Readability's inner text).
  var innerText: String { Self.normalise(textContent) }

  /// The length of ``innerText`` in UTF-16 units, as JavaScript counts, without building
  /// it: each whitespace run between words counts one (every such character is one unit).
  var innerTextLength: Int {
    var counter = LengthCounter()
    count(into: &counter)
    return counter.length
  }

  private struct LengthCounter {
    var length = 0
    var pendingSpace = false
    var started = false

    mutating func add(_ text: String) {
      for unit in text.utf16 {
        if unit < 0x80 {
          if unit == 0x20 || (unit >= 0x09 && unit <= 0x0D) {
            pendingSpace = started
            continue
          }
        } else if let scalar = Unicode.Scalar(unit), PageNode.isSpace(scalar) {
          pendingSpace = started
          continue
        }
        if pendingSpace { length += 1 }
        pendingSpace = false
        started = true
        length += 1
      }
    }
  }

  private func count(into counter: inout LengthCounter) {
    for child in children {
      if child.isText { counter.add(child.text) } else { child.count(into: &counter) }
    }
  }

  /// `text` trimmed, each run of two or more whitespace characters made one space.
  static func normalise(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    var pending: [Unicode.Scalar] = []
    for scalar in text.unicodeScalars {
      if isSpace(scalar) {
        pending.append(scalar)
        continue
      }
      if !pending.isEmpty && !result.isEmpty {
        if pending.count == 1 { result.append(pending[0]) } else { result.append(" ") }
      }
      pending.removeAll(keepingCapacity: true)
      result.append(scalar)
    }
    return String(result)
  }

  /// Whether `scalar` is whitespace as JavaScript's `\s` and `trim()` see it.
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: true
    default: false
    }
  }

  /// Whether the text has nothing but whitespace.
  static func isBlank(_ text: String) -> Bool { text.unicodeScalars.allSatisfy(isSpace) }
}
