import Foundation

/// Steps 3 and 4 of ``GroupingEngine/groupPending(_:)``: the neighbourhoods of a batch (the
/// new articles with the threads they reach), and each clustered again into reports and
/// threads, ready to be written.
extension GroupingEngine {
  /// New articles joined with the stored threads they reach: the part of the storage a batch
  /// can change.
  struct Neighbourhood {
    var articles: [Int64] = []
    var threads: [String] = []
    /// Copies (of new or stored originals) that take their original's cluster.
    var copies: [Int64] = []
  }

  /// A batch's neighbourhoods, in a stable order, with what clustering them needs.
  struct Neighbourhoods {
    var groups: [Neighbourhood]
    /// The stored story of each reached article and stored original.
    var storyOf: [Int64: String]
    /// The new pairs by their first article.
    var newEdgesOf: [Int64: [ScoredPair]]
    /// Every article of the batch (copies too).
    var isNew: Set<Int64>
  }

  /// The new articles with the threads they reach by a pair that could link them (a version
  /// pair at or above the threshold, or a thread link), joined when they share a thread or
  /// such a pair. Only these are clustered again: the work depends on the new articles and
  /// the threads they touch, never on the storage's size.
  func neighbourhoods<S: GroupingStorage>(
    of newEdges: [ScoredPair], newIDs: [Int64], isNew: Set<Int64>, copyOf: [Int64: Int64], in storage: S
  ) throws -> Neighbourhoods {
    var newEdgesOf = [Int64: [ScoredPair]]()
    newEdges.group(byFirst: true, into: &newEdgesOf)
    var reached = Set<Int64>()
    for edge in newEdges {
      if reaches(edge) {
        if !isNew.contains(edge.a) { reached.insert(edge.a) }
        if !isNew.contains(edge.b) { reached.insert(edge.b) }
      }
    }
    let storedOriginals = Set(copyOf.values).subtracting(isNew)
    var storyOf = [Int64: String]()
    var threadOf = [Int64: String]()
    for member in try storage.members(reached.union(storedOriginals).sorted()) {
      guard let s = member.story else { continue }
      storyOf[member.id] = s
      threadOf[member.id] = member.thread ?? StoryID.thread(story: s)
    }
    // Nodes: new articles (0..<n, pending order), then touched threads.
    let touchedThreads = Set(threadOf.values).sorted()
    let n = newIDs.count
    var slotOf = [Int64: Int](minimumCapacity: n)
    for (i, id) in newIDs.enumerated() { slotOf[id] = i }
    var threadSlot = [String: Int]()
    for (k, thread) in touchedThreads.enumerated() { threadSlot[thread] = n + k }
    var sets = UnionFind(count: n + touchedThreads.count)
    func node(_ id: Int64) -> Int? { slotOf[id] ?? threadOf[id].flatMap { threadSlot[$0] } }
    for edge in newEdges where reaches(edge) {
      guard let x = node(edge.a), let y = node(edge.b) else { continue }
      sets.union(x, y)
    }
    var groups = [Int: Neighbourhood]()
    for (i, id) in newIDs.enumerated() { groups[sets.find(i), default: Neighbourhood()].articles.append(id) }
    for (k, thread) in touchedThreads.enumerated() {
      groups[sets.find(n + k), default: Neighbourhood()].threads.append(thread)
    }
    for (copy, original) in copyOf {
      // A stored original always has a story; otherwise the copy waits for the next pass.
      guard let x = node(original) else { continue }
      groups[sets.find(x), default: Neighbourhood()].copies.append(copy)
    }
    return Neighbourhoods(
      groups: groups.keys.sorted().map { groups[$0]! }, storyOf: storyOf, newEdgesOf: newEdgesOf, isNew: isNew)
  }

  /// Clusters each neighbourhood again (copies take their original's cluster): versions into
  /// reports (stories), reports into threads; names both. Neighbourhoods are read one at a
  /// time, so a pass holds one neighbourhood's members. Gives the stories to write, those
  /// that only grew, and the stored stories they replace.
  func rewrite<S: GroupingStorage>(
    _ neighbourhoods: Neighbourhoods, copyOf: [Int64: Int64], report: inout Report, in storage: S
  ) throws -> (stories: [StoryRecord], grown: [StoryGrowth], replaced: Set<String>) {
    var stories: [StoryRecord] = []
    var grown: [StoryGrowth] = []
    var replaced = Set<String>()
    for group in neighbourhoods.groups {
      // Stories that only gain copies grow without reading their members (unless a copy is
      // a first report now); their threads keep their reports.
      if group.articles.isEmpty,
        let growths = try growths(
          by: group.copies, copyOf: copyOf, storyOf: neighbourhoods.storyOf, in: storage)
      {
        grown += growths
        continue
      }
      var rows = try storage.members(group.articles + group.copies)
      if !group.threads.isEmpty { rows += try storage.members(ofThreads: group.threads) }
      rows.sort { $0.key != $1.key ? $0.key < $1.key : $0.id < $1.id }
      var labels: (versions: [Int32], threads: [Int32])
      if group.articles.isEmpty {
        // Only copies, one of them a first report now: every story and thread keeps its
        // members (a copy those of its original) and is renamed.
        labels = Self.currentLabels(rows, copyOf: copyOf)
      } else {
        labels = try clusterLabels(
          rows, isNew: neighbourhoods.isNew, copyOf: copyOf, newEdgesOf: neighbourhoods.newEdgesOf, in: storage)
        report.reclustered += rows.count
      }
      var clusters = [Int32: [GroupingMember]]()
      var threadMembers = [Int32: [GroupingMember]]()
      var threadOfCluster = [Int32: Int32]()
      for (i, row) in rows.enumerated() {
        clusters[labels.versions[i], default: []].append(row)
        threadMembers[labels.threads[i], default: []].append(row)
        threadOfCluster[labels.versions[i]] = labels.threads[i]
      }
      let threadIDs = threadMembers.mapValues(StoryNaming.threadID)
      var carried = [String: Int]()
      for row in rows {
        if let s = row.story {
          replaced.insert(s)
          carried[s, default: 0] += 1
        }
      }
      for (label, members) in clusters {
        let record = StoryNaming.record(of: members, thread: threadIDs[threadOfCluster[label]!]!)
        // A story that keeps its id, its thread and every member that carried it is
        // unchanged, or only grew: it is updated, not replaced.
        let holders = members.lazy.filter { $0.story == record.id }.count
        if holders > 0 && carried[record.id] == holders
          && members.allSatisfy({ $0.story != record.id || $0.thread == record.thread })
        {
          replaced.remove(record.id)
          if holders < members.count {
            grown.append(
              StoryGrowth(
                id: record.id, joined: members.filter { $0.story != record.id }.map(\.id), size: members.count,
                latest: record.latest, sources: record.sources))
          }
          continue
        }
        stories.append(record)
      }
    }
    return (stories, grown, replaced)
  }
}
