import Foundation
import Testing

@testable import ParallaxCore

@Suite struct JSONLinesReaderTests {
  @Test func fieldsAreReadAndUnknownOnesKeptAsMetadata() throws {
    let line =
      #"{"id": 7, "text": "Body text here.", "title": "T", "source": "Wire", "published": "2024-01-02", "url": "https://x", "group": "g1", "score": 3}"#
    let output = JSONLinesReader.read(Data(line.utf8), path: "in.jsonl")
    let article = try #require(output.articles.first)
    #expect(article.id == "7")
    #expect(article.title == "T")
    #expect(article.source == "Wire")
    #expect(article.published == "2024-01-02")
    #expect(article.url == "https://x")
    #expect(article.metadata == ["group": "g1", "score": "3"])
  }

  @Test func aMissingTitleIsDerivedFromTheText() throws {
    let headline =
      #"{"id": "a", "text": "Lindsay Lohan checks into Betty Ford Center\nShe began a 90-day stay on Friday."}"#
    let sentence =
      #"{"id": "b", "text": "Perennial party girl Tara Reid checked herself into Promises Treatment Center, her rep told People. More text follows."}"#
    let output = JSONLinesReader.read(Data((headline + "\n" + sentence).utf8), path: "in.jsonl")
    #expect(output.articles[0].title == "Lindsay Lohan checks into Betty Ford Center")
    #expect(output.articles[0].body == "She began a 90-day stay on Friday.")
    #expect(output.articles[1].title.hasPrefix("Perennial party girl Tara Reid checked herself into Promises"))
    #expect(output.articles[1].title.count <= 101)
  }

  @Test func malformedLinesAreReportedWithTheirNumberAndTheRestLoads() {
    let text = """
      {"id": "1", "text": "First."}
      {"id": "2", "text": "Second
      [1, 2]
      {"text": "no id"}
      {"id": "5"}

      {"id": "7", "text": "Seventh."}
      """
    let output = JSONLinesReader.read(Data(text.utf8), path: "in.jsonl")
    #expect(output.articles.map(\.id) == ["1", "7"])
    #expect(output.diagnostics.map(\.line) == [2, 3, 4, 5])
    #expect(output.diagnostics[0].description == "in.jsonl:2: skipped: malformed JSON")
  }

  @Test func invalidUTF8InALineIsRepairedAndWarned() {
    let data = Data(#"{"id": "1", "text": "Caf"#.utf8) + Data([0xE9]) + Data(#"."}"#.utf8)
    let output = JSONLinesReader.read(data, path: "in.jsonl")
    #expect(output.articles.count == 1)
    #expect(output.diagnostics.first?.severity == .warning)
  }
}
