import Foundation
import Testing

@testable import ParallaxStore

/// The `story.sources` column's JSON, written and read by hand, agrees with Foundation's.
struct StorySourcesTests {
  static let lists: [[String]] = [
    [], ["BBC News"], ["Reuters", "AP, Europe", "Le Monde"], ["quote \" inside", "back\\slash", "line\nbreak\ttab"],
    ["\u{01}control", "日本経済新聞", "Ведомости", "emoji 🗞️", ""], ["a/b", "[bracket]", "comma,"],
  ]

  @Test func encodedSourcesAreJSONThatFoundationReads() throws {
    for list in Self.lists {
      let text = StorySources.encode(list)
      let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String]
      #expect(parsed == list, "\(text)")
      #expect(StorySources.decode(text) == list, "\(text)")
    }
  }

  @Test func anyJSONArrayReadsAndOldValuesSplitAtCommas() {
    #expect(StorySources.decode(#"[ "A" , "B\u00e9" ]"#) == ["A", "Bé"])
    #expect(StorySources.decode(#"["A\"B"]"#) == ["A\"B"])
    #expect(StorySources.decode("[]") == [])
    #expect(StorySources.plainArray(#"["A","B"]"#) == ["A", "B"])
    #expect(StorySources.plainArray(#"["A" ,"B"]"#) == nil)
    #expect(StorySources.plainArray(#"["A","B"]x"#) == nil)
    #expect(StorySources.decode("BBC News, Reuters") == ["BBC News", "Reuters"])
    #expect(StorySources.decode("") == [])
  }
}
