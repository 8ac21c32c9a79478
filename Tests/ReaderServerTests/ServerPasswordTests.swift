import Foundation
import ParallaxApp
import ParallaxTestSupport
import Testing

@testable import ReaderServer

/// A server's password is read from a private place only: a password file or config.toml
/// readable by others is refused with the reason; a password in config.toml works with a
/// warning; a password command's first line is the password.
@Suite struct ServerPasswordTests {
  static func file(_ text: String, mode: Int) throws -> String {
    let path = try TestSupport.temporaryDirectory().appendingPathComponent("secret").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    return path
  }

  @Test func aPrivatePasswordFileGivesItsFirstLine() throws {
    let path = try Self.file("s3cret pass\nsecond line\n", mode: 0o600)
    let found = try ServerPassword.read(inline: nil, file: path, command: nil, configPath: "/nowhere")
    #expect(found == .init(password: "s3cret pass", warning: nil))
  }

  @Test func aPasswordFileOthersCanReadIsRefused() throws {
    let path = try Self.file("s3cret\n", mode: 0o644)
    #expect(
      throws: ServerPassword.Refusal(
        description: "refusing the password file \(path): it is readable by others (mode 644); chmod 600 \(path)")
    ) { try ServerPassword.read(inline: nil, file: path, command: nil, configPath: "/nowhere") }
  }

  @Test func aPasswordInConfigWorksWithAWarningOnlyWhenTheConfigIsPrivate() throws {
    let config = try Self.file("[server]\n", mode: 0o600)
    let found = try ServerPassword.read(inline: "pw", file: nil, command: nil, configPath: config)
    #expect(found.password == "pw")
    #expect(found.warning?.contains("password-file or password-command") == true)
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: config)
    #expect(throws: ServerPassword.Refusal.self) {
      try ServerPassword.read(inline: "pw", file: nil, command: nil, configPath: config)
    }
  }

  @Test func aPasswordCommandsFirstLineAndItsFailure() throws {
    let found = try ServerPassword.read(inline: nil, file: nil, command: "printf 'from-pass\\nx\\n'", configPath: "/x")
    #expect(found.password == "from-pass")
    #expect(
      throws: ServerPassword.Refusal(description: "password-command failed (status 3): no such entry")
    ) { try ServerPassword.read(inline: nil, file: nil, command: "echo 'no such entry' >&2; exit 3", configPath: "/x") }
  }

  @Test func theServerTableIsCheckedLineByLine() throws {
    let good = try Config(
      parsing: """
        [server]
        kind = "ttrss"
        url = "https://rss.example.org/tt-rss/"
        login = "me"
        password-command = "pass show rss"
        """)
    #expect(good.server?.kind == "ttrss")
    #expect(good.server?.passwordCommand == "pass show rss")
    #expect(good.server?.line == 1)
    let problems = [
      ("[server]\nkind = \"miniflux\"\nurl = \"https://x/\"\nlogin = \"a\"\npassword = \"b\"", 2, "kind is"),
      ("[server]\nkind = \"fever\"\nurl = \"ftp://x/\"\nlogin = \"a\"\npassword = \"b\"", 3, "http"),
      ("[server]\nkind = \"fever\"\nurl = \"https://x/\"\npassword = \"b\"", 1, "needs login"),
      ("[server]\nkind = \"fever\"\nurl = \"https://x/\"\nlogin = \"a\"", 1, "needs password-file"),
      (
        "[server]\nkind = \"fever\"\nurl = \"https://x/\"\nlogin = \"a\"\npassword = \"b\"\npassword-file = \"c\"", 1,
        "not both"
      ),
      ("[server]\nuser = \"a\"", 2, "unknown server setting"),
    ]
    for (text, line, words) in problems {
      do {
        _ = try Config(parsing: text)
        Issue.record("accepted: \(text)")
      } catch let error as Config.ParseError {
        #expect(error.line == line, "\(text)")
        #expect(error.message.contains(words), "\(error.message)")
      }
    }
  }
}
