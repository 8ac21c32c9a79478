import Foundation
import Testing

@testable import ParallaxCore

/// `$HOME` and the XDG variables decide where data and config live, as the XDG Base
/// Directory rules say; the passwd entry is used only when `HOME` is unset.
@Suite struct UserDirectoriesTests {
  @Test func homeComesFromTheEnvironmentNotThePasswdEntry() {
    let dirs = UserDirectories(environment: ["HOME": "/tmp/elsewhere"])
    #expect(dirs.home == "/tmp/elsewhere")
    #expect(dirs.dataHome == "/tmp/elsewhere/.local/share")
    #expect(dirs.configHome == "/tmp/elsewhere/.config")
  }

  @Test func xdgVariablesWinOverHome() {
    let dirs = UserDirectories(environment: ["HOME": "/h", "XDG_DATA_HOME": "/data", "XDG_CONFIG_HOME": "/conf"])
    #expect(dirs.dataHome == "/data")
    #expect(dirs.configHome == "/conf")
  }

  @Test func emptyOrRelativeXdgVariablesAreIgnored() {
    let dirs = UserDirectories(environment: ["HOME": "/h", "XDG_DATA_HOME": "", "XDG_CONFIG_HOME": "relative/conf"])
    #expect(dirs.dataHome == "/h/.local/share")
    #expect(dirs.configHome == "/h/.config")
  }

  @Test func withoutHomeThePasswdEntryIsUsed() throws {
    let passwd = try #require(UserDirectories.passwdHome())
    #expect(UserDirectories(environment: [:]).home == passwd)
    #expect(UserDirectories(environment: ["HOME": ""]).home == passwd)
    #expect(UserDirectories(environment: [:]).dataHome == passwd + "/.local/share")
  }
}
