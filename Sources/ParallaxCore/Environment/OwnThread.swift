import Foundation
import Synchronization

/// Starts work on a Foundation thread of its own, releasing everything the work captured
/// when it returns, before the thread ends.
///
/// A `Thread`'s closure is released with the `Thread` object, in the thread's teardown
/// (its thread-specific data being destroyed). On Linux, libdispatch has by then freed the
/// thread's cache of dispatch continuations without forgetting it; an object released there
/// that owns a dispatch queue (a store's database connections) disposes of the queue through
/// that cache and writes into freed memory. The process then aborts later, anywhere
/// (`tcache_thread_shutdown(): unaligned tcache chunk detected`; decisions.md, 2026-12-07).
/// Here the thread's closure holds only a ``OneShot``, emptied as soon as the work has run.
public enum OwnThread {
  /// Runs `work` on a new thread (`stackSize` bytes of stack when given) and returns at once.
  public static func start(stackSize: Int? = nil, _ work: @escaping @Sendable () -> Void) {
    let once = OneShot<Void> { _ in work() }
    let thread = Thread { once.run(()) }
    if let stackSize { thread.stackSize = stackSize }
    thread.start()
  }
}

/// A closure run at most once and released as soon as it has run, whoever still holds the
/// box: for closures handed to threads whose teardown we do not control (``OwnThread``,
/// `Process.terminationHandler`, which Foundation calls on a thread of its own).
public final class OneShot<Input>: Sendable {
  private let work: Mutex<(@Sendable (Input) -> Void)?>

  public init(_ work: @escaping @Sendable (Input) -> Void) { self.work = Mutex(work) }

  /// Runs the closure the first time, then forgets it; later calls do nothing.
  public func run(_ input: Input) {
    // Taken out of the box first, so that its captures are released when this returns.
    let taken = work.withLock { work -> (@Sendable (Input) -> Void)? in
      defer { work = nil }
      return work
    }
    taken?(input)
  }
}
