package io.pmoflow.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Latency percentiles (nearest rank), mean and maximum of timed calls, in milliseconds. */
record Percentiles(int calls, double p50, double p95, double p99, double mean, double max) {

  static Percentiles of(List<Double> millis) {
    if (millis.isEmpty()) {
      throw new IllegalArgumentException("no calls");
    }
    double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
        millis.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), sorted[sorted.length - 1]);
  }

  private static double rank(double[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("calls", calls);
    map.put("p50", p50);
    map.put("p95", p95);
    map.put("p99", p99);
    map.put("mean", mean);
    map.put("max", max);
    return map;
  }
}
