import Foundation

/// Encodes values as JSON that is safe to print: C1 control characters, which JSON allows
/// raw inside strings but some terminals obey, are escaped as `\u0080`–`\u009f`.
public enum JSONOutput {
  public static func encode<T: Encodable>(_ value: T, pretty: Bool) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting =
      pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    let text = String(decoding: try encoder.encode(value), as: UTF8.self)
    guard text.unicodeScalars.contains(where: { (0x80...0x9F).contains($0.value) || $0.value == 0x7F }) else {
      return text
    }
    var out = ""
    for scalar in text.unicodeScalars {
      if (0x80...0x9F).contains(scalar.value) || scalar.value == 0x7F {
        out += String(format: "\\u%04x", scalar.value)
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
