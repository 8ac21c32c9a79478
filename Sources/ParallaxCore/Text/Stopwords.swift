/// English function words that carry no topic and are left out of matching.
public enum Stopwords {
  /// The stop list (lower case).
  public static let english: Set<String> = [
    "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as",
    "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
    "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further",
    "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his",
    "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my",
    "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our",
    "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than",
    "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
    "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what",
    "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
    "yours", "yourself", "yourselves", "said", "says", "say", "also", "one", "two", "new", "like",
    "get", "got", "s", "t",
  ]

  /// The shapes of the stop words (length, first and last letter): most words of the text
  /// are ruled out by their shape before the set is hashed.
  static let englishShapes = WordShapes(english)

  /// The length in bytes of the longest stopword: longer words need no lookup.
  public static let longest = englishShapes.longest

  /// ``english`` for lookups (``WordTable``).
  static let englishTable = WordTable(english)

  /// Whether `word` (lower case) is an English stop word.
  static func isEnglish(_ word: String) -> Bool {
    englishShapes.mayContain(word) && englishTable.contains(word)
  }
}

extension Stopwords {
  /// Stop words of the other languages ``Language`` guesses: articles, pronouns,
  /// prepositions, conjunctions, common auxiliaries and reporting verbs. Languages written
  /// without spaces have none: their character pairs are weighed by rarity alone.
  public static let byLanguage: [Language: Set<String>] = [
    .german: words(
      """
      der die das den dem des ein eine einer eines einem einen und oder aber nicht ist sind war waren wird
      werden wurde wurden hat haben hatte hatten sein seine seiner ihre ihrer ihren im in am an auf aus bei
      mit nach von vor zu zum zur für über unter durch gegen um als auch es er sie wir ihr ich du man sich
      so wie wenn dass daß noch nur schon sehr mehr dieser diese dieses diesem diesen jetzt hier dort bis
      seit sagte sagt soll sollen sollte kann können konnte muss müssen vom beim ins ob doch denn dann damit
      worden also zwei drei neue neuen ab laut sowie bereits
      """),
    .spanish: words(
      """
      el la los las un una unos unas y e o u pero no es son era fue fueron ha han había de del al a en con
      por para sin sobre entre desde hasta que se su sus lo le les como más muy ya este esta estos estas ese
      esa eso esto también dijo según ser sido está están estaba cuando donde quien hay tras durante ante
      otro otra dos tres nuevo nueva afirmó aseguró señaló
      """),
    .french: words(
      """
      le la les l un une des et ou mais ne pas est sont était a ont de d du au aux en dans par pour sur
      avec sans que qu qui se s sa son ses ce cette ces il elle ils elles nous vous on plus très aussi selon
      été être après avant deux trois nouveau nouvelle a-t-il déclaré
      """),
    .italian: words(
      """
      il lo la i gli le un una uno e ed o ma non è sono era di del della dei delle degli al alla ai in nel
      nella con per su da dal dalla che si suo sua suoi come più anche ha hanno stato dopo due tre ha detto
      """),
    .portuguese: words(
      """
      o a os as um uma e ou mas não é são era de do da dos das no na nos nas em com por para pelo pela que
      se seu sua como mais também foi ser disse segundo após dois três
      """),
    .dutch: words(
      """
      de het een en of maar niet is zijn was waren van in op aan met voor door dat die dit deze er ook als
      bij naar om te heeft hebben had werd worden zei twee drie nieuwe
      """),
    .russian: words(
      """
      и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее её мне было
      от меня еще ещё нет о об из ему теперь когда даже ну ли если уже или ни быть был была были него до вас
      там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем сам без чего раз тоже себе
      под будет тогда кто этот того потому этого какой этом один мой тем чтобы сейчас можно при два после
      над больше тот через эти нас про всего них много три эту эта этой перед том такой им более между
      также заявил заявила сообщил сообщила сказал сказала отметил по словам который которая которые
      которых года году
      """),
    .arabic: words(
      """
      في من على إلى الى عن مع أن ان إن هذا هذه ذلك تلك التي الذي الذين التى الذى كان كانت يكون قد لا ما لم
      لن هو هي هم أو او ثم بين عند كل بعد قبل حتى أي اي وقال قال وقالت قالت وفي ومن وأن وان كما أيضا ايضا
      إنه انه أنه خلال منذ وذلك وهو وهي حيث غير عام اليوم وأضاف واضاف
      """),
    .greek: words("ο η το οι τα του της των τον την και σε στο στη στον στην με για από που να θα δεν είναι ότι"),
    .hebrew: words("של את על עם זה זו הוא היא הם כי לא גם אם או אבל כל עוד אמר אמרה"),
    .hindi: words("का की के में है हैं और से को ने पर यह वह भी था थी थे कि एक लिए कहा"),
  ]

  /// The shapes of ``latinVotes``' words: most tokens skip the lookup.
  static let latinVoteShapes = WordShapes(latinVotes.keys)

  /// ``latinVotes`` for lookups (``WordTable``).
  static let latinVoteTable = WordTable(latinVotes.map { ($0.key, $0.value) })

  /// ``byLanguage`` for lookups, by ``Language/ordinal`` (nil for languages without a list).
  static let byLanguageTables: [WordTable<Bool>?] = Language.ordered.map { byLanguage[$0].map { WordTable($0) } }

  /// For each stop word of a Latin-script language (English included), the languages whose
  /// list holds it: the votes of ``Language/guess(_:)``.
  static let latinVotes: [String: [Language]] = {
    var votes = [String: [Language]]()
    for word in english { votes[word, default: []].append(.english) }
    for language in [Language.german, .spanish, .french, .italian, .portuguese, .dutch] {
      for word in byLanguage[language]! { votes[word, default: []].append(language) }
    }
    return votes
  }()

  static func words(_ text: String) -> Set<String> {
    Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
  }
}
