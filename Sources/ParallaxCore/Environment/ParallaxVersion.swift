/// The release of Parallax this build is, as `--version` prints it and the store records.
public enum ParallaxVersion {
  public static let current = "0.8.0"
}
