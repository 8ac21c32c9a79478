/// The one test of whether a link is a web address Parallax can fetch or open: `http://`
/// or `https://`, the scheme in any case.
public enum WebLink {
  public static func isWeb(_ text: String) -> Bool {
    var scheme = text.utf8.prefix(8).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
    if scheme.starts(with: Array("https://".utf8)) { return true }
    scheme = Array(scheme.prefix(7))
    return scheme.elementsEqual("http://".utf8)
  }
}
