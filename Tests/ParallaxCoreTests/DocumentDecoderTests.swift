import Foundation
import Testing

@testable import ParallaxCore

/// Bytes to text as browsers decode them: every encoding from bytes written here.
@Suite struct DocumentDecoderTests {
  /// An XML feed whose title holds `bytes`, declared as `label`.
  func feed(_ label: String, _ bytes: [UInt8]) -> Data {
    Data("<?xml version=\"1.0\" encoding=\"\(label)\"?><rss><channel><item><title>".utf8) + Data(bytes)
      + Data("</title></item></channel></rss>".utf8)
  }

  func title(_ data: Data, contentType: String? = nil) throws -> String? {
    try FeedReader.read(data, contentType: contentType).articles.first?.title
  }

  @Test(
    arguments: [
      ("iso-8859-1", [0x93, 0x4F, 0x4B, 0x94, 0x20, 0xE9], "\u{201C}OK\u{201D} é"),  // windows-1252, as browsers
      ("latin1", [0x80, 0x20, 0x85], "€ …"),
      ("us-ascii", [0x96], "–"),
      ("windows-1250", [0x8A, 0xE8], "Šč"),
      ("windows-1251", [0xCF, 0xF0, 0xE8], "При"),
      ("windows-1253", [0xC1, 0xE8], "Αθ"),
      ("windows-1254", [0xD0, 0xFE], "Ğş"),
      ("windows-1255", [0xF9, 0xEC], "של"),
      ("windows-1256", [0xC7, 0xE1], "ال"),
      ("windows-1257", [0xC0, 0xE8], "Ąč"),
      ("windows-1258", [0x41, 0xD2], "A\u{0309}"),
      ("iso-8859-2", [0xA9, 0xE8], "Šč"),
      ("iso-8859-5", [0xBF, 0xE0], "Пр"),
      ("iso-8859-7", [0xC1], "Α"),
      ("iso-8859-15", [0xA4], "€"),
      ("koi8-r", [0xF0, 0xD2, 0xC9], "При"),
      ("koi8-u", [0xA4, 0xA6], "єі"),
      ("shift_jis", [0x82, 0xA0, 0x82, 0xA2], "あい"),
      ("windows-31j", [0x87, 0x40], "①"),
      ("euc-jp", [0xA4, 0xA2, 0xA4, 0xA4], "あい"),
      ("iso-2022-jp", [0x1B, 0x24, 0x42, 0x24, 0x22, 0x1B, 0x28, 0x42], "あ"),
      ("euc-kr", [0xB0, 0xA1], "가"),
      ("gb2312", [0xC4, 0xE3, 0xBA, 0xC3], "你好"),
      ("gbk", [0x81, 0x40], "丂"),
      ("gb18030", [0x81, 0x30, 0x81, 0x30, 0xC4, 0xE3], "\u{80}你"),
      ("big5", [0xA4, 0x40, 0xA4, 0x48], "一人"),
    ] as [(String, [UInt8], String)])
  func everyEncodingIsReadFromItsLabel(label: String, bytes: [UInt8], expected: String) throws {
    let text = try title(feed(label, bytes))
    // Controls never reach a title: compare what is left of the expected text.
    #expect(text == HTMLText.dropControls(expected).trimmingCharacters(in: .whitespaces), "label \(label)")
  }

  @Test func utf16WithAndWithoutByteOrderMarkIsRead() throws {
    let xml =
      "<?xml version=\"1.0\" encoding=\"utf-16\"?><rss><channel><item><title>Zürich – 東京</title></item></channel></rss>"
    let le = Data([0xFF, 0xFE]) + xml.data(using: .utf16LittleEndian)!
    let be = Data([0xFE, 0xFF]) + xml.data(using: .utf16BigEndian)!
    let bare = xml.data(using: .utf16LittleEndian)!
    for data in [le, be, bare] { #expect(try title(data) == "Zürich – 東京") }
  }

  @Test func aUTF8ByteOrderMarkBeforeThePrologIsSkipped() throws {
    let data =
      Data([0xEF, 0xBB, 0xBF])
      + Data("<?xml version=\"1.0\"?><rss><channel><item><title>Café</title></item></channel></rss>".utf8)
    #expect(try title(data) == "Café")
  }

  @Test func latin1BytesUnderAUTF8LabelAreReadAsWindows1252() throws {
    // "Café “quoted”" with é as Latin-1 and the quotes as windows-1252, inside UTF-8 "–".
    let bytes: [UInt8] = [0x43, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x71, 0x94, 0x20, 0xE2, 0x80, 0x93]
    #expect(try title(feed("utf-8", bytes)) == "Café “q” –")
  }

  @Test func theHTTPCharsetOverridesTheDeclarationAndAByteOrderMarkOverridesBoth() throws {
    let data = feed("utf-8", [0xCF, 0xF0, 0xE8])
    #expect(try title(data, contentType: "text/xml; charset=windows-1251") == "При")
    #expect(try title(data, contentType: "text/xml; charset=\"KOI8-R\"") == "оПХ")
    let marked = Data([0xEF, 0xBB, 0xBF]) + Data("<rss><channel><item><title>é</title></item></channel></rss>".utf8)
    #expect(try title(marked, contentType: "text/xml; charset=windows-1251") == "é")
  }

  @Test func anUnknownLabelIsOneWarningAndTheFeedIsStillRead() throws {
    let output = try FeedReader.read(feed("x-no-such-encoding", Array("Plain".utf8)))
    #expect(output.articles.map(\.title) == ["Plain"])
    #expect(
      output.warnings == [
        "unknown character encoding \"x-no-such-encoding\" in the document's declaration; read as UTF-8"
      ])
  }

  @Test func htmlPagesDeclareTheirCharsetInAMetaElement() {
    let html =
      Data("<html><head><meta charset=\"windows-1251\"><title>x</title></head><body><p>".utf8)
      + Data([0xCF, 0xF0, 0xE8]) + Data("</p></body></html>".utf8)
    #expect(DocumentDecoder.decode(html, markup: .html).encoding.name == "windows-1251")
    let old = Data("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">".utf8)
    #expect(DocumentDecoder.decode(old, markup: .html).encoding.name == "shift_jis")
  }

  @Test func labelsMeanWhatTheWHATWGStandardSays() {
    #expect(TextEncoding(label: " ISO-8859-1 ")?.name == "windows-1252")
    #expect(TextEncoding(label: "ascii")?.name == "windows-1252")
    #expect(TextEncoding(label: "GB2312")?.name == "gbk")
    #expect(TextEncoding(label: "x-sjis")?.name == "shift_jis")
    #expect(TextEncoding(label: "ks_c_5601-1987")?.name == "euc-kr")
    #expect(TextEncoding(label: "unicode-1-1-utf-8")?.name == "utf-8")
    #expect(TextEncoding(label: "klingon") == nil)
  }
}
