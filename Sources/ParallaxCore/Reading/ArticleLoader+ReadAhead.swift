import Foundation

/// Reading ahead: the next batch is read on another thread while `body` handles this one,
/// so reading files and storing them overlap (an import spends about as long parsing feeds
/// as writing them, and each leaves a core idle).
extension ArticleLoader {
  /// ``stream(_:batchArticles:_:)`` with up to `readAhead` batches read while `body` runs,
  /// in the same order. When `body` throws, reading stops and the error is rethrown once the
  /// reading thread has ended.
  public func stream(_ paths: [String], batchArticles: Int, readAhead: Int, _ body: (Output) throws -> Void) throws {
    try stream(paths, batchArticles: batchArticles, readAhead: readAhead, prepare: { _ in () }) { batch, _ in
      try body(batch)
    }
  }

  /// The same, with `prepare` run on each batch on the reading thread too (work that does
  /// not need the caller's thread, such as signing articles), its result passed to `body`.
  public func stream<Prepared>(
    _ paths: [String], batchArticles: Int, readAhead: Int, prepare: @escaping @Sendable (Output) -> Prepared,
    _ body: (Output, Prepared) throws -> Void
  ) throws {
    guard readAhead > 0 else {
      return try stream(paths, batchArticles: batchArticles) { batch in try body(batch, prepare(batch)) }
    }
    let channel = BatchChannel<(Output, Prepared)>(capacity: readAhead)
    // As the main thread's stack: nested markup is read recursively.
    OwnThread.start(stackSize: 8 << 20) { [self] in
      // The only error the reading side throws is the taker having stopped.
      try? stream(paths, batchArticles: batchArticles) { batch in
        guard channel.put((batch, prepare(batch))) else { throw BatchChannelStopped() }
      }
      channel.finish()
    }
    defer { channel.stopAndWait() }
    while let (batch, prepared) = channel.take() { try body(batch, prepared) }
  }
}

/// Thrown on the reading thread when the taker has stopped.
struct BatchChannelStopped: Error {}

/// A bounded queue of batches between the reading thread and the one storing them.
final class BatchChannel<Element>: @unchecked Sendable {
  private let condition = NSCondition()
  private var queue: [Element] = []
  private let capacity: Int
  private var finished = false
  private var stopped = false

  init(capacity: Int) { self.capacity = capacity }

  /// Queues a batch, waiting while the queue is full; false once the taker has stopped.
  func put(_ batch: Element) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while queue.count >= capacity && !stopped { condition.wait() }
    guard !stopped else { return false }
    queue.append(batch)
    condition.broadcast()
    return true
  }

  /// The next batch, waiting for it; nil when reading has ended and everything was taken.
  func take() -> Element? {
    condition.lock()
    defer { condition.unlock() }
    while queue.isEmpty && !finished { condition.wait() }
    guard !queue.isEmpty else { return nil }
    let batch = queue.removeFirst()
    condition.broadcast()
    return batch
  }

  /// Called by the reader when it has ended.
  func finish() {
    condition.lock()
    finished = true
    condition.broadcast()
    condition.unlock()
  }

  /// Stops the reader (its next `put` fails) and waits until it has ended.
  func stopAndWait() {
    condition.lock()
    stopped = true
    queue.removeAll()
    condition.broadcast()
    while !finished { condition.wait() }
    condition.unlock()
  }
}
