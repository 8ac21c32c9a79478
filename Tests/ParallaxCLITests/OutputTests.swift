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
}
