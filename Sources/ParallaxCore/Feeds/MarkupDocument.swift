import CLibXML2
import Foundation

/// A document parsed by libxml2, XML or HTML, in recovery mode: what can be read is read.
/// Input first goes through ``MarkupRepair`` (no DOCTYPE, so no entity is declared or
/// expanded), and the parser runs with the network off and without DTD loading or entity
/// substitution. The tree is freed with the document; ``MarkupNode`` values must not
/// outlive it.
final class MarkupDocument {
  let pointer: xmlDocPtr
  /// The first problem the parser reported, when the markup was not well-formed.
  let problem: (line: Int, message: String)?

  private static let initialised: Void = { xmlInitParser() }()

  /// Parses `text` as XML. `url` is the document's own address, the base for relative links.
  /// Returns nil when not even a root element could be read.
  init?(xml text: String, url: String?) {
    _ = Self.initialised
    Self.silenceErrors()
    var repairLine: Int?
    let repaired = MarkupRepair.repair(text, balancing: true, firstRepairLine: &repairLine)
    guard let context = xmlNewParserCtxt() else { return nil }
    defer { xmlFreeParserCtxt(context) }
    let options =
      Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
      | Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_IGNORE_ENC.rawValue)
    let doc = repaired.withUnsafeBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(1, buffer.count)) {
        xmlCtxtReadMemory(context, $0, Int32(clamping: buffer.count), url, "UTF-8", options)
      }
    }
    guard let doc else { return nil }
    guard xmlDocGetRootElement(doc) != nil else {
      xmlFreeDoc(doc)
      return nil
    }
    pointer = doc
    if context.pointee.wellFormed == 0 {
      let error = context.pointee.lastError
      let message = error.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) }
      problem = (Int(error.line), message ?? "not well-formed")
    } else if let line = repairLine {
      problem = (line, "unclosed, mismatched or cut-off elements, balanced as browsers do")
    } else {
      problem = nil
    }
  }

  /// Parses `text` as HTML, forgiving as browsers are (implied `<html>`, `<body>`, unclosed
  /// elements). Returns nil for empty input.
  init?(html text: String, url: String?) {
    _ = Self.initialised
    Self.silenceErrors()
    // Character references are all the repair an HTML parser needs (it never expands
    // entities); text without an "&" goes to it as it is.
    let repaired = text.utf8.contains(0x26) ? MarkupRepair.repair(text) : Array(text.utf8)
    guard !repaired.isEmpty else { return nil }
    let options =
      Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
      | Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
    let doc = repaired.withUnsafeBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
        htmlReadMemory($0, Int32(clamping: buffer.count), url, "UTF-8", options)
      }
    }
    guard let doc else { return nil }
    pointer = doc
    problem = nil
  }

  deinit { xmlFreeDoc(pointer) }

  /// The root element.
  var root: MarkupNode? { xmlDocGetRootElement(pointer).map { MarkupNode(pointer: $0) } }

  /// libxml2 reports nothing to the terminal: problems are read from the parser context.
  private static func silenceErrors() {
    xmlSetStructuredErrorFunc(nil) { _, _ in }
  }
}

/// One node of a ``MarkupDocument``, valid while the document lives.
struct MarkupNode {
  let pointer: xmlNodePtr

  var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
  var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

  /// The local name as written, lowercased (`encoded` of `content:encoded`; for an element
  /// whose prefix was never declared, the whole written name, `content:encoded`).
  var name: String { pointer.pointee.name.map { String(cString: $0).lowercased() } ?? "" }

  /// The namespace's URI, if the element is in one.
  var namespace: String? { pointer.pointee.ns?.pointee.href.map { String(cString: $0) } }

  /// The element children, in order.
  var elements: [MarkupNode] {
    var result: [MarkupNode] = []
    var child = pointer.pointee.children
    while let node = child {
      if node.pointee.type == XML_ELEMENT_NODE { result.append(MarkupNode(pointer: node)) }
      child = node.pointee.next
    }
    return result
  }

  /// Whether any child is an element (markup written inline rather than escaped).
  var hasElementChildren: Bool {
    var child = pointer.pointee.children
    while let node = child {
      if node.pointee.type == XML_ELEMENT_NODE { return true }
      child = node.pointee.next
    }
    return false
  }

  /// The value of an attribute without a namespace (or, failing that, with any), matched
  /// without regard to case.
  func attribute(_ name: String) -> String? {
    var property = pointer.pointee.properties
    while let p = property {
      if let n = p.pointee.name, String(cString: n).lowercased() == name {
        return Self.owned(xmlNodeGetContent(UnsafeMutableRawPointer(p).assumingMemoryBound(to: xmlNode.self)))
      }
      property = p.pointee.next
    }
    return nil
  }

  /// All the text inside, references decoded, markup dropped.
  var text: String { Self.owned(xmlNodeGetContent(pointer)) ?? "" }

  /// The markup inside the element (children serialised as written, for inline XHTML).
  var innerMarkup: String {
    guard let buffer = xmlBufferCreate() else { return text }
    defer { xmlBufferFree(buffer) }
    var child = pointer.pointee.children
    while let node = child {
      xmlNodeDump(buffer, pointer.pointee.doc, node, 0, 0)
      child = node.pointee.next
    }
    guard let content = xmlBufferContent(buffer) else { return "" }
    return String(cString: content)
  }

  /// The base URI in effect at this element: `xml:base` on it or its ancestors, resolved
  /// against each other and the document's address.
  var base: String? { Self.owned(xmlNodeGetBase(pointer.pointee.doc, pointer)) }

  /// `reference` resolved against the base in effect here (RFC 3986), or as written when
  /// there is no base or it cannot be resolved.
  func resolve(_ reference: String) -> String {
    let trimmed = reference.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty, let base else { return trimmed }
    return Self.owned(xmlBuildURI(trimmed, base)) ?? trimmed
  }

  /// A libxml2-allocated string as a Swift one, freed.
  private static func owned(_ string: UnsafeMutablePointer<xmlChar>?) -> String? {
    guard let string else { return nil }
    defer { free(string) }
    return String(cString: string)
  }
}
