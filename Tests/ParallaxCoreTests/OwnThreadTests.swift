import Foundation
import ParallaxCore
import Synchronization
import Testing

/// ``OneShot`` and ``OwnThread``: work's captures are released when it has run, not when
/// whoever holds the closure goes away.
struct OwnThreadTests {
  final class Tracked: Sendable {}

  @Test func aOneShotRunsOnceAndReleasesWhatItCapturedAtOnce() {
    let runs = Atomic<Int>(0)
    weak var released: Tracked?
    let once: OneShot<Int>
    do {
      let tracked = Tracked()
      released = tracked
      once = OneShot { value in
        withExtendedLifetime(tracked) { _ = runs.add(value, ordering: .relaxed) }
      }
    }
    #expect(released != nil)
    once.run(2)
    // The box is still here; what the closure captured is not.
    #expect(released == nil)
    once.run(5)
    #expect(runs.load(ordering: .relaxed) == 2)
  }

  @Test func ownThreadRunsTheWorkOffTheCallersThread() {
    let done = DispatchSemaphore(value: 0)
    let callers = pthread_self()
    let sameThread = Mutex(true)
    OwnThread.start(stackSize: 1 << 20) {
      sameThread.withLock { $0 = pthread_equal(pthread_self(), callers) != 0 }
      done.signal()
    }
    #expect(done.wait(timeout: .now() + 10) == .success)
    let same = sameThread.withLock { $0 }
    #expect(!same)
  }
}
