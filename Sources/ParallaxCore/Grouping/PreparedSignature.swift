import Foundation

/// A signature ready to store: its blob (``HashedSignature/encoded``), the blob's digest and
/// the language it was read in, computed where the article was signed (on all cores) rather
/// than on the thread that writes the store. The signature itself is not kept: a batch in
/// flight holds each article's blob once.
public struct PreparedSignature: Sendable {
  public let blob: Data
  public let digest: UInt64
  public let language: Language

  public init(_ signature: HashedSignature) {
    blob = signature.encoded
    digest = HashedSignature.digest(of: blob)
    language = signature.language
  }
}
