import Foundation

/// Waits for a child process to exit without a run loop.
///
/// Foundation's `Process.waitUntilExit()` spins the calling thread's run loop. On Linux that
/// creates a CoreFoundation run loop for the thread; when the thread is a dispatch worker (a
/// Swift concurrency or `DispatchQueue` thread), the run loop is torn down with the thread's
/// CoreFoundation data after libdispatch has already freed the thread's continuation cache,
/// and the dispatch objects it releases then are written into freed memory: a heap
/// corruption that aborts the process later (`tcache_thread_shutdown(): unaligned tcache
/// chunk detected`; decisions.md, 2026-12-07). Here the termination handler, which
/// Foundation calls on its own thread, signals a semaphore instead.
public final class ProcessWaiter: Sendable {
  private let exited = DispatchSemaphore(value: 0)

  /// Runs `process` (any termination handler it has still runs first) and returns the
  /// waiter for its exit. Throws what `Process.run()` throws.
  public static func run(_ process: Process) throws -> ProcessWaiter {
    let waiter = ProcessWaiter()
    let earlier = process.terminationHandler
    process.terminationHandler = { done in
      earlier?(done)
      waiter.exited.signal()
    }
    try process.run()
    return waiter
  }

  /// Blocks until the process has exited; its `terminationStatus` and `terminationReason`
  /// are then final.
  public func wait() { exited.wait() }
}
