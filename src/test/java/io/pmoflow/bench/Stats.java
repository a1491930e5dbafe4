package io.pmoflow.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Median and spread (minimum, maximum) of the results of several runs. */
record Stats(List<Double> values, double median, double min, double max) {

  static Stats of(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new Stats(List.copyOf(values), median, sorted.get(0), sorted.get(n - 1));
  }

  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("median", median);
    map.put("min", min);
    map.put("max", max);
    map.put("runs", values);
    return map;
  }
}
