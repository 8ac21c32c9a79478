import Foundation
import ParallaxTestSupport
import Testing

@testable import ParallaxCore

/// Words, names, numbers, quotes and grouping beyond English (issue 23).
@Suite struct LanguageTests {
  func texts(_ text: String) -> [String] { Tokenizer.tokenize(TextNormalizer.normalize(text)).map(\.text) }

  @Test func runsOfUnspacedScriptsBecomeCharacterPairs() {
    #expect(texts("克里姆林宫发言人佩斯科夫说") == ["克里", "里姆", "姆林", "林宫", "宫发", "发言", "言人", "人佩", "佩斯", "斯科", "科夫", "夫说"])
    // A run ends where the script changes; punctuation separates; one character stays one.
    #expect(texts("iPhone手机，降价20%。好") == ["iphone", "手机", "降价", "20", "好"])
    #expect(texts("植田和男総裁は会見で") == ["植田", "田和", "和男", "男総", "総裁", "裁は", "は会", "会見", "見で"])
    #expect(texts("이창용 총재는") == ["이창", "창용", "총재", "재는"])
    #expect(texts("ประเทศไทย").count == "ประเทศไทย".unicodeScalars.count - 1)
  }

  @Test func theIdeographicFullStopEndsASentence() {
    let tokens = Tokenizer.tokenize(TextNormalizer.normalize("会谈结束。双方同意"))
    #expect(tokens.first { $0.text == "双方" }?.sentence == 1)
    #expect(tokens.first { $0.text == "会谈" }?.sentence == 0)
  }

  @Test func digitsOfEveryScriptAreNumbers() {
    let numbers = { (text: String) in Tokenizer.tokenize(TextNormalizer.normalize(text)).filter(\.isNumber).map(\.text)
    }
    #expect(numbers("وصل الوفد يوم ١٥ مايو") == ["15"])
    #expect(numbers("۱۴۰۳ هجری") == ["1403"])
    #expect(numbers("最大风力达１４级") == ["14"])
    #expect(numbers("जनसंख्या १२३ है") == ["123"])
    #expect(numbers("٣٫٥ بالمئة و١٬٠٠٠ دولار") == ["3.5", "1000"])
  }

  @Test func quotationsInEveryCommonStyleAreQuotes() {
    for text in [
      "他说「我们准备好了」。", "彼は『準備はできている』と述べた。", "Il a dit « nous sommes prêts » hier.",
      "Er sagte „wir sind bereit“ am Montag.", "Er sagte ‚wir sind bereit‘ am Montag.",
      "Он заявил: «Мы готовы к переговорам».", "He said “we are ready” on Monday.",
    ] {
      #expect(ArticleSignature(text: text).quotes.count == 1, "\(text)")
    }
    // 《》 marks a title (of a book, a film, a newspaper), not a quotation.
    #expect(ArticleSignature(text: "他在《人民日报》上发表文章。").quotes.isEmpty)
  }

  @Test func theLanguageIsGuessedFromScriptThenCommonWords() {
    let cases: [(String, Language)] = [
      ("克里姆林宫发言人佩斯科夫说，俄罗斯代表团已抵达伊斯坦布尔。", .chinese),
      ("日本銀行は24日の金融政策決定会合で、政策金利を引き上げることを決めた。", .japanese),
      ("한국은행 금융통화위원회는 11일 기준금리를 연 3.5%로 동결했다.", .korean),
      ("Пресс-секретарь Кремля Дмитрий Песков заявил, что делегация прибыла.", .russian),
      ("قال المتحدث باسم الكرملين دميتري بيسكوف إن الوفد وصل إلى إسطنبول.", .arabic),
      ("El portavoz del Kremlin dijo que la delegación rusa llegó a Estambul para las conversaciones.", .spanish),
      (
        "Der Kremlsprecher sagte, die russische Delegation sei in Istanbul eingetroffen und werde mit der Ukraine verhandeln.",
        .german
      ),
      ("The Kremlin spokesman said the Russian delegation had arrived in Istanbul for the talks.", .english),
      ("Dmitry Peskov, Istanbul, Ankara.", .english),
    ]
    for (text, language) in cases {
      #expect(Language.guess(Tokenizer.tokenize(TextNormalizer.normalize(text))) == language, "\(text)")
    }
    // A declared language wins over the guess.
    var article = Article(id: "a", title: "Talks", body: "The delegations met.")
    article.language = "de-AT"
    #expect(ArticleSignature(article: article, leadTokens: 100).language == .german)
  }

  @Test func feedsDeclareTheirLanguage() throws {
    let rss = try FeedReader.read(
      Data(
        """
        <rss version="2.0"><channel><title>T</title><language>zh-CN</language>
        <item><title>标题</title><description>文本。</description><link>http://x/1</link></item>
        <item><title>Title</title><description>Text.</description><link>http://x/2</link>
        <dc:language xmlns:dc="http://purl.org/dc/elements/1.1/">en</dc:language></item></channel></rss>
        """.utf8))
    #expect(rss.articles.map(\.language) == ["zh-CN", "en"])
    let atom = try FeedReader.read(
      Data(
        """
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de"><title>T</title>
        <entry><title>Titel</title><id>1</id><content>Der Text.</content></entry>
        <entry xml:lang="fr"><title>Titre</title><id>2</id><content>Le texte.</content></entry></feed>
        """.utf8))
    #expect(atom.articles.map(\.language) == ["de", "fr"])
    let json = try FeedReader.read(
      Data(
        #"{"version":"https://jsonfeed.org/version/1.1","title":"T","language":"ja","items":[{"id":"1","content_text":"本文。"}]}"#
          .utf8))
    #expect(json.articles.map(\.language) == ["ja"])
    // The declared language is the one grouping reads in.
    #expect(ArticleSignature(article: atom.articles[1], leadTokens: 100).language == .french)
  }

  /// A web page's `lang` is its article's language, whether the page is read from a file
  /// or adopted for a feed's summary: one page-to-article step.
  @Test func aPagesLangIsItsArticlesLanguage() throws {
    let html = """
      <html lang="de"><head><title>Waffenruhe vereinbart</title></head><body><article><h1>Waffenruhe vereinbart</h1>
      <p>Die Delegationen haben sich nach langen Gesprächen in Istanbul auf eine Waffenruhe geeinigt, sagte Peskow.</p>
      </article></body></html>
      """
    let page = HTMLPage(html)
    let article = try #require(Article(page: page, id: "p"))
    #expect(article.language == "de")
    #expect(article.title == "Waffenruhe vereinbart")
    var summary = Article(id: "s", title: "Waffenruhe vereinbart", body: "Kurz.")
    summary.adoptPage(page)
    #expect(summary.language == "de")
  }

  @Test func germanNounsAreNotNamesButGermanNamesAre() {
    let signature = ArticleSignature(
      text:
        "Nach den Gesprächen sagte Kremlsprecher Peskow, die Delegation hoffe auf einen Durchbruch. Eine Waffenruhe sei möglich, die Verhandlung gehe weiter."
    )
    #expect(signature.language == .german)
    let names = Set(signature.names.values)
    #expect(names.contains("Peskow"))
    #expect(names.isDisjoint(with: ["Delegation", "Durchbruch", "Waffenruhe", "Verhandlung"]))
  }

  @Test func inflectedNamesMeet() {
    let a = ArticleSignature(text: "Об этом сообщил пресс-секретарь Кремля Дмитрий Песков в пятницу.")
    let b = ArticleSignature(text: "По словам Дмитрия Пескова, делегация прибыла в Стамбул в пятницу.")
    #expect(!Set(a.names.keys).isDisjoint(with: b.names.keys))
    #expect(LightStemmer.stem("переговоров", language: .russian) == LightStemmer.stem("переговоры", language: .russian))
    #expect(
      LightStemmer.stem("verhandlungen", language: .german) == LightStemmer.stem("verhandlung", language: .german))
    #expect(LightStemmer.stem("والمحادثات", language: .arabic) == LightStemmer.stem("محادثات", language: .arabic))
  }

  @Test func wordChangesInChineseAreCharactersNotClauses() {
    let (left, right) = WordDiff.diff(
      "今年第11号台风海葵于周二凌晨在福建省漳州市沿海登陆。", "今年第11号台风海葵于周三凌晨在福建省厦门市沿海登陆。")
    #expect(left.filter { $0.op == .delete }.map(\.text) == ["二", "漳州"])
    #expect(right.filter { $0.op == .insert }.map(\.text) == ["三", "厦门"])
    // Spans join without spaces where the text has none.
    #expect(left.map(\.text).joined() == "今年第11号台风海葵于周二凌晨在福建省漳州市沿海登陆。")
    #expect(left.dropFirst().allSatisfy { $0.attached == true })
    // Spaced scripts keep their spaces.
    let (l, _) = WordDiff.diff("Talks resume in Istanbul", "Talks end in Istanbul")
    #expect(l.allSatisfy { $0.attached == nil })
  }

  /// The seven languages' test set: four reports each, with another outlet's rewrite, a
  /// trimmed copy and a follow-up about the same people (`Fixtures/languages`).
  @Test(arguments: ["zh", "ja", "ko", "ru", "ar", "es", "de"])
  func rewritesGroupAndFollowUpsStayApartInEveryLanguage(language: String) throws {
    let path = TestSupport.fixtures.appendingPathComponent("languages/\(language).jsonl").path
    let articles = ArticleLoader().load([path]).articles
    #expect(articles.count == 16)
    #expect(Set(articles.map { ArticleSignature(article: $0, leadTokens: 500).language.rawValue }) == [language])
    let stories = StoryGrouper().group(articles)
    var story = [String: String]()
    var thread = [String: String]()
    for s in stories {
      for m in s.members {
        story[m.articleID] = s.id
        thread[m.articleID] = s.thread
      }
    }
    let ids = articles.map(\.id)
    let versions = ClusteringMetrics(predicted: ids.map { story[$0]! }, gold: articles.map { $0.metadata["group"]! })
    let threads = ClusteringMetrics(predicted: ids.map { thread[$0]! }, gold: articles.map { $0.metadata["thread"]! })
    // Different reports (follow-ups included) never join one story; rewrites and trims do.
    #expect(versions.precision == 1)
    #expect(versions.f1 >= 0.95)
    // Threads never join different events.
    #expect(threads.precision == 1)
  }
}

/// What a feed, a page or a JSON line declares as its language is a tag or nothing.
@Suite struct DeclaredLanguageTagTests {
  @Test(arguments: [
    ("en-US", "en-US"), (" zh_Hant ", "zh_Hant"), ("de", "de"), ("x-klingon-1", "x-klingon-1"),
  ])
  func tagsAreKept(value: String, tag: String) {
    #expect(Language.tag(value) == tag)
  }

  @Test(arguments: [
    "", "   ", "English (US)", "<b>en</b>", "en\u{1B}[31m", "en\u{07}", String(repeating: "a", count: 36), "日本語",
  ])
  func anythingElseIsNone(value: String) {
    #expect(Language.tag(value) == nil)
  }

  @Test func aFeedDeclaringProseOrControlsHasNoLanguage() throws {
    let feed = """
      <rss version="2.0"><channel><title>T</title><language>en&#x1B;]0;owned&#x07;</language>
      <item><title>One</title><link>http://example.org/1</link><description>Some text here.</description></item>
      </channel></rss>
      """
    let articles = try FeedReader.read(Data(feed.utf8)).articles
    #expect(articles.count == 1)
    #expect(articles.first?.language == nil)
  }
}
