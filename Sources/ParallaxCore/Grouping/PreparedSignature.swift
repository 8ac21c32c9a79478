import Foundation

/// A signature ready to store: its blob (``HashedSignature/encoded``) and the blob's digest,
/// computed where the article was signed (on all cores) rather than on the thread that
/// writes the store.
public struct PreparedSignature: Sendable {
  public let signature: HashedSignature
  public let blob: Data
  public let digest: UInt64

  public init(_ signature: HashedSignature) {
    self.signature = signature
    blob = signature.encoded
    digest = HashedSignature.digest(of: blob)
  }
}
