import Testing

@testable import ParallaxCore

@Suite struct ClusteringMetricsTests {
  @Test func aPerfectPredictionScoresOne() {
    let m = ClusteringMetrics(predicted: ["x", "x", "y"], gold: [1, 1, 2])
    #expect(m.precision == 1 && m.recall == 1 && m.f1 == 1)
    #expect(m.adjustedRandIndex == 1)
  }

  @Test func bCubedMatchesAHandComputedCase() {
    // Gold {a,b,c}{d}; predicted {a,b}{c,d}.
    let m = ClusteringMetrics(predicted: [1, 1, 2, 2], gold: ["g", "g", "g", "h"])
    // Precision: a 1, b 1, c 1/2, d 1/2 → 0.75. Recall: a 2/3, b 2/3, c 1/3, d 1 → 2/3.
    #expect(abs(m.precision - 0.75) < 1e-9)
    #expect(abs(m.recall - 2.0 / 3.0) < 1e-9)
    #expect(m.adjustedRandIndex < 0.5)
  }

  @Test func singletonsHavePerfectPrecision() {
    let m = ClusteringMetrics(predicted: [1, 2, 3, 4], gold: ["g", "g", "h", "h"])
    #expect(m.precision == 1)
    #expect(m.recall == 0.5)
  }
}
