/// One item of a feed as read, before it becomes an ``Article``: text already readable
/// (markup turned into paragraphs), links already absolute.
struct FeedItem {
  var id = ""
  var title = ""
  /// The body: the fullest content the item gives.
  var text = ""
  /// The item's summary, when it also has fuller content.
  var summary = ""
  var link: String?
  var published: String?
  var updated: String?
  var authors: [Person] = []
  var categories: [String] = []
  var enclosures: [Enclosure] = []

  /// Adds `category` unless it is blank or already there.
  mutating func addCategory(_ category: String) {
    let c = PlainTextReader.collapseSpaces(category)
    if !c.isEmpty && !categories.contains(c) { categories.append(c) }
  }

  /// Adds `person` unless it is empty or already there.
  mutating func addAuthor(_ person: Person?) {
    if let person, !person.isEmpty, !authors.contains(person) { authors.append(person) }
  }

  /// Adds an enclosure unless its address is blank or already there.
  mutating func addEnclosure(_ enclosure: Enclosure) {
    if !enclosure.url.isEmpty && !enclosures.contains(where: { $0.url == enclosure.url }) {
      enclosures.append(enclosure)
    }
  }
}
