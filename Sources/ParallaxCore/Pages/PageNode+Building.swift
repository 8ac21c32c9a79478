import CLibXML2
import Foundation

extension PageNode {
  /// The page's tree as ``PageNode`` values, from libxml2's HTML parse: elements with their
  /// attributes, text and CDATA as text; comments and processing instructions left out.
  /// Returns nil when the page has no root element.
  /// - Complexity: O(n) in the number of nodes.
  static func tree(of document: MarkupDocument) -> PageNode? {
    guard let root = document.root else { return nil }
    return withExtendedLifetime(document) { build(root.pointer) }
  }

  /// Parses `html` with libxml2's HTML parser and converts the tree.
  static func parse(_ html: String) -> PageNode? {
    guard let document = MarkupDocument(html: html, url: nil) else { return nil }
    return tree(of: document)
  }

  private static func build(_ pointer: xmlNodePtr) -> PageNode {
    let node = PageNode(element: lowercasedName(pointer), attributes: attributes(of: pointer))
    var child = pointer.pointee.children
    while let current = child {
      child = current.pointee.next
      switch current.pointee.type {
      case XML_ELEMENT_NODE:
        node.append(build(current))
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let content = current.pointee.content {
          let text = String(cString: content)
          // libxml2 splits text around references; one node per run reads as the DOM does.
          if let last = node.children.last, last.isText { last.text += text } else { node.append(PageNode(text: text)) }
        }
      default:
        continue
      }
    }
    return node
  }

  private static func lowercasedName(_ pointer: xmlNodePtr) -> String {
    guard let name = pointer.pointee.name else { return "unknown" }
    let text = String(cString: name)
    return text.isEmpty ? "unknown" : text.lowercased()
  }

  private static func attributes(of pointer: xmlNodePtr) -> [(name: String, value: String)] {
    var result: [(name: String, value: String)] = []
    var property = pointer.pointee.properties
    while let p = property {
      property = p.pointee.next
      guard let n = p.pointee.name else { continue }
      var value = ""
      if let content = xmlNodeGetContent(UnsafeMutableRawPointer(p).assumingMemoryBound(to: xmlNode.self)) {
        value = String(cString: content)
        free(content)
      }
      result.append((String(cString: n).lowercased(), value))
    }
    return result
  }
}
