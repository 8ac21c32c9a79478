import Foundation
import ParallaxCore
import Synchronization
import Testing

/// ``ProcessWaiter``: a child's exit awaited without a run loop.
struct ProcessWaiterTests {
  @Test func waitReturnsOnceTheChildHasExitedWithItsStatusFinal() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "sleep 0.2; exit 3"]
    let started = Date()
    let waiter = try ProcessWaiter.run(process)
    waiter.wait()
    #expect(Date().timeIntervalSince(started) >= 0.2)
    #expect(!process.isRunning)
    #expect(process.terminationStatus == 3)
    #expect(process.terminationReason == .exit)
  }

  @Test func aTerminationHandlerSetBeforeStillRuns() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "exit 0"]
    let called = Mutex(false)
    process.terminationHandler = { _ in called.withLock { $0 = true } }
    try ProcessWaiter.run(process).wait()
    #expect(called.withLock { $0 })
  }

  @Test func aProgramThatCannotStartThrows() {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/nonexistent/program")
    #expect(throws: (any Error).self) { try ProcessWaiter.run(process) }
  }
}
