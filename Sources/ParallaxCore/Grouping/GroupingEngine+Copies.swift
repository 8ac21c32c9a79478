/// Step 0 of a pass: identical copies. Articles with one signature (the same title and lead,
/// word for word: a wire story republished unchanged, or cut only after its lead) score alike
/// against every other article and 1 against each other, so grouping them one by one adds
/// work and no evidence. The first of them is the original, grouped like any article; the
/// others are its copies: they join its story, count once in term weights and in average
/// linkage, and are neither indexed nor scored. Whatever the order or split of imports,
/// copies end in their original's story, so every path gives the same stories.
extension GroupingEngine {
  /// `pending` (in pending order) split into originals and copies (copy → original): a copy's
  /// original is a grouped article with its signature, else the first pending one. A signature
  /// without terms matches nothing and is never a copy.
  func separateCopies<S: GroupingStorage>(_ pending: [PendingArticle], in storage: S) throws -> (
    originals: [PendingArticle], copyOf: [Int64: Int64]
  ) {
    let copyable = pending.filter { !$0.signature.terms.isEmpty }
    let stored = try storage.originals(withDigests: Set(copyable.map(\.digest)).sorted())
    // A digest match counts only when the signatures are equal (a 64-bit hash can collide).
    let storedSignatures = try storage.signatures(of: Set(stored.values).sorted())
    var firstPending = [UInt64: Int]()
    var originals: [PendingArticle] = []
    var copyOf = [Int64: Int64]()
    for article in pending {
      if !article.signature.terms.isEmpty {
        if let original = stored[article.digest], storedSignatures[original] == article.signature {
          copyOf[article.id] = original
          continue
        }
        if let i = firstPending[article.digest], originals[i].signature == article.signature {
          copyOf[article.id] = originals[i].id
          continue
        }
        if firstPending[article.digest] == nil { firstPending[article.digest] = originals.count }
      }
      originals.append(article)
    }
    return (originals, copyOf)
  }
}
