import Foundation
import ParallaxCore
import Testing

@testable import ParallaxCLI

/// The command-line output helpers: JSON that is safe to print, and the options' defaults.
@Suite struct OutputTests {
  @Test func jsonEscapesC1ControlsThatTerminalsObey() throws {
    let json = try JSONOutput.encode(["t": "a\u{9B}2Jb\u{7F}"], pretty: false)
    #expect(json == #"{"t":"a\u009b2Jb\u007f"}"#)
  }

  @Test func theStoreOptionFallsBackToTheDefaultPath() throws {
    let options = try StoreOptions.parse([])
    #expect(options.store == nil)
    #expect(try StoreOptions.parse(["--store", "/tmp/x.sqlite"]).path == "/tmp/x.sqlite")
  }

  @Test func outputFormatsAreTheDocumentedThree() {
    #expect(OutputFormat.allCases.map(\.rawValue) == ["text", "json", "jsonl"])
  }

  /// Scripts find each article's story and thread in both JSON forms.
  @Test func storiesJSONGivesEachArticlesStoryAndThread() throws {
    let articles = [
      Article(
        id: "a", title: "Harbour strike ends", body: "Dock workers in Rotterdam returned to work.", source: "Wire"),
      Article(id: "b", title: "Rail fares rise", body: "Fares rise by three percent in March.", source: "Wire"),
    ]
    let stories = StoryGrouper().group(articles, explain: true)
    let document = try JSONOutput.encode(StoryReport.document(stories, articles: articles), pretty: false)
    let parsed = try #require(JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any])
    let entries = try #require(parsed["stories"] as? [[String: Any]])
    var seen = 0
    for entry in entries {
      for member in try #require(entry["members"] as? [[String: Any]]) {
        #expect(member["story"] as? String == entry["id"] as? String)
        #expect(member["thread"] as? String == entry["thread"] as? String)
        seen += 1
      }
    }
    #expect(seen == 2)
    let lines = StoryReport.lines(stories, articles: articles)
    let line = try JSONOutput.encode(lines[0], pretty: false)
    let keys = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]).keys
    #expect(Set(keys) == ["id", "story", "thread", "title"])
  }
}
