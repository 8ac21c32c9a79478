import Foundation
import ParallaxCore
import ParallaxTestSupport
import TerminalModel
import Testing

@testable import ParallaxApp

/// The thread screen (`t`): a developing story's reports, oldest first, with what each adds.
@Suite struct ThreadScreenTests {
  @Test func tOpensTheThreadOfTheSelectedStoryWithItsReportsOldestFirst() throws {
    var state = Seeds.state(width: 80, height: 10)
    Seeds.press([.character("t")], on: &state)
    #expect(state.screen == .thread(story: 0))
    let rows = try #require(state.threadCache)
    // The seeds are undated: reports in identity order, 000 first; the cursor on the story
    // the thread was opened from (003 and 004's report).
    #expect(rows.reports.count == 4)
    #expect(rows.reports.map(\.size) == [1, 1, 1, 2])
    #expect(state.library.article(state.library.members(ofStoryID: rows.reports[0].id)[0]).id.hasPrefix("000"))
    #expect(state.threadList.selected == 3)
    #expect(rows.adds[0] == nil)
    #expect(rows.adds.dropFirst().allSatisfy { ($0 ?? 0) > 0 }, "each follow-up brings facts of its own")
    let lines = Renderer.render(state).lines
    #expect(lines[0] == "Thread: Diplomatic Push: Ukraine and Russia to Resume Talks — 4 reports")
    #expect(lines[1].contains("1 version") && lines[1].contains("first"))
    #expect(lines[4].contains("2 versions") && lines[4].contains("+"))
    #expect(lines.last == "Enter open  q back")
  }

  @Test func enterOnAReportOpensItsVersionsAndBackReturnsToTheThread() {
    var state = Seeds.state()
    Seeds.press([.character("t")], on: &state)
    Seeds.press([.enter], on: &state)
    guard case .versions(let story) = state.screen else {
      Issue.record("not on the versions screen: \(state.screen)")
      return
    }
    #expect(state.library.story(at: story)?.size == 2)
    Seeds.press([.character("q")], on: &state)
    #expect(state.screen == .thread(story: 0))
    // A report of one version opens the reader.
    Seeds.press([.character("g"), .enter], on: &state)
    guard case .reader = state.screen else {
      Issue.record("not in the reader: \(state.screen)")
      return
    }
  }

  @Test func aReportTheFilterHidesIsShownButNotOpened() {
    var state = Seeds.state()
    // Only the story holding 003 and 004 matches.
    state.library.setFilter(ListFilter(query: try! StoryQuery(parsing: "versions>1")))
    state.libraryChanged()
    #expect(state.library.storyCount == 1)
    Seeds.press([.character("t")], on: &state)
    #expect(state.threadCache?.reports.count == 4)
    Seeds.press([.character("g"), .enter], on: &state)
    #expect(state.screen == .thread(story: 0))
    #expect(state.message?.contains("filter") == true)
  }

  @Test func theKeyIsInTheActionTableAndHelp() {
    #expect(ActionTable.spec(.openThread).keys == [.character("t")])
    var state = Seeds.state(height: 80)
    Seeds.press([.character("?")], on: &state)
    #expect(Renderer.render(state).lines.contains { $0.contains("t") && $0.contains("thread") })
  }
}

/// `T`: the list shows each developing story once, by its newest report.
@Suite struct ThreadListTests {
  @Test func tTogglesBetweenThreadsAndEveryReport() {
    var state = Seeds.state(width: 80, height: 8)
    Seeds.press([.character("T")], on: &state)
    let lines = Renderer.render(state).lines
    #expect(lines[0] == "Parallax — 1 thread, 5 articles")
    #expect(lines[1].hasPrefix("●   2 4 reports · "))
    #expect(state.message == "threads: each developing story once")
    // u on a thread's row reads every report of it.
    Seeds.press([.character("u")], on: &state)
    #expect((0..<5).allSatisfy { state.library.isRead($0) })
    #expect(!Renderer.render(state).lines[1].hasPrefix("●"))
    Seeds.press([.character("T")], on: &state)
    #expect(Renderer.render(state).lines[0] == "Parallax — 4 stories, 5 articles")
    #expect(ActionTable.spec(.toggleThreads).keys == [.character("T")])
  }
}
