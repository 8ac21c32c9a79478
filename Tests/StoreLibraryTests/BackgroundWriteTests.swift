import Foundation
import GRDB
import ParallaxApp
import ParallaxCore
import ParallaxTestSupport
import StoreLibrary
import Testing

@testable import ParallaxStore

/// The interface never waits for the store on its thread (review defect 6 of issue 24).
@Suite struct BackgroundWriteTests {
  /// While this process writes to the store (as `R`'s grouping does), marking a story read
  /// returns at once, shows at once, and is stored when the write ends.
  @Test func readStateWaitsForAGroupingInTheBackgroundNotOnTheInterfacesThread() throws {
    let store = try Store(path: TestSupport.temporaryStorePath())
    try store.add(ArticleLoader().load([TestSupport.seeds.path]).articles)
    let library = try StoreLibrary(store: store)
    let handle = try #require(library.members(ofStory: 0).first)
    #expect(!library.isRead(handle))
    let started = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)
    let done = DispatchSemaphore(value: 0)
    OwnThread.start {
      // A long write, as a sync's grouping transaction: it ends when the test says, or
      // after thirty seconds whatever happens.
      try? store.writing { _ in
        started.signal()
        _ = release.wait(timeout: .now() + 30)
      }
      done.signal()
    }
    started.wait()
    library.markRead(handle)
    // Returned while the long write still holds the store, and shown already.
    #expect(store.isWriting)
    #expect(library.isRead(handle))
    release.signal()
    done.wait()
    library.finishWrites()
    #expect(try store.isRead(Int64(handle)))
    #expect(library.takeProblems().isEmpty)
  }

  /// Another program holding the store (its import's transaction) is waited for off the
  /// interface's thread too.
  @Test func anotherProgramsLockIsWaitedForInTheBackground() throws {
    let path = TestSupport.temporaryStorePath()
    let store = try Store(path: path)
    try store.add(ArticleLoader().load([TestSupport.seeds.path]).articles)
    let library = try StoreLibrary(store: store)
    let handle = try #require(library.members(ofStory: 0).first)
    let other = try DatabaseQueue(path: path, configuration: Store.fileConfiguration())
    let locked = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)
    let done = DispatchSemaphore(value: 0)
    // Threads of their own, not the global queue: in a parallel test run the queue's few
    // threads can be busy for seconds, which says nothing about the library.
    OwnThread.start {
      try? other.inDatabase { db in
        try db.execute(sql: "BEGIN IMMEDIATE")
        locked.signal()
        _ = release.wait(timeout: .now() + 30)
        try db.execute(sql: "COMMIT")
      }
      done.signal()
    }
    locked.wait()
    let returned = DispatchSemaphore(value: 0)
    OwnThread.start {
      library.markRead(handle)
      returned.signal()
    }
    // markRead comes back while the other program still holds the store (released only
    // below): the write waits on the library's queue, not on the caller's thread.
    #expect(returned.wait(timeout: .now() + 5) == .success)
    #expect(library.isRead(handle))
    release.signal()
    done.wait()
    library.finishWrites()
    #expect(try store.isRead(Int64(handle)))
  }
}
