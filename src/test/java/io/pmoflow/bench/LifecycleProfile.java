package io.pmoflow.bench;

import io.pmoflow.bench.ProfileClassifier.Category;
import io.pmoflow.bench.ProfileClassifier.Frame;
import io.pmoflow.bench.ProfileClassifier.PmoPart;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where each engine's CPU goes in a lifecycle ({@code LifecycleBenchmark --profile true}): the engines play their
 * lifecycles one after the other, each on a thread of its own named {@code lifecycle-profile-<engine>}, under a
 * JFR recording of execution samples only; the samples of each thread are sorted by {@link ProfileClassifier}.
 * Root-first classification needs whole stacks: JFR keeps 64 frames unless the JVM is started with
 * {@code -XX:FlightRecorderOptions:stackdepth=1024}, and a truncated stack loses its root end, so the share of
 * truncated samples is reported with the figures.
 */
final class LifecycleProfile {

  static final Duration SAMPLE_PERIOD = Duration.ofMillis(10);
  static final String THREAD_PREFIX = "lifecycle-profile-";

  private LifecycleProfile() {
  }

  /** What one engine's thread did: its lifecycles, its CPU time and its samples by category. */
  static final class Tally {
    final int lifecycles;
    final long cpuNanos;
    final long userNanos;
    int samples;
    int truncated;
    int withoutStack;
    final Map<Category, Integer> categories = new EnumMap<>(Category.class);
    final Map<PmoPart, Integer> pmoParts = new EnumMap<>(PmoPart.class);

    Tally(int lifecycles, long cpuNanos, long userNanos) {
      this.lifecycles = lifecycles;
      this.cpuNanos = cpuNanos;
      this.userNanos = userNanos;
      for (Category c : Category.values()) {
        categories.put(c, 0);
      }
      for (PmoPart p : PmoPart.values()) {
        pmoParts.put(p, 0);
      }
    }

    void add(RecordedStackTrace stack) {
      samples++;
      if (stack == null) {
        withoutStack++;
        categories.merge(Category.OTHER, 1, Integer::sum);
        return;
      }
      if (stack.isTruncated()) {
        truncated++;
      }
      List<Frame> rootFirst = new ArrayList<>();
      for (RecordedFrame frame : stack.getFrames()) {
        rootFirst.add(new Frame(frame.getMethod().getType().getName(), frame.getMethod().getName()));
      }
      Collections.reverse(rootFirst); // JFR lists the frames leaf first
      Category category = ProfileClassifier.classify(rootFirst);
      categories.merge(category, 1, Integer::sum);
      if (category == Category.PMO_CODE) {
        pmoParts.merge(ProfileClassifier.pmoPart(rootFirst), 1, Integer::sum);
      }
    }

    Map<String, Object> toMap() {
      if (samples == 0) {
        throw new IllegalStateException("no execution sample of the profiled thread: nothing to report");
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("lifecycles", lifecycles);
      m.put("samples", samples);
      m.put("samplesPerLifecycle", (double) samples / lifecycles);
      m.put("cpuMsPerLifecycle", cpuNanos / 1e6 / lifecycles);
      // the rest is kernel time, which execution samples cannot see
      m.put("userCpuMsPerLifecycle", userNanos / 1e6 / lifecycles);
      // what the samples cover of the thread's CPU time (JFR samples threads running Java code only)
      m.put("sampledMsPerLifecycle", (double) samples * SAMPLE_PERIOD.toMillis() / lifecycles);
      m.put("truncatedSamples", truncated);
      m.put("truncatedFraction", (double) truncated / samples);
      m.put("samplesWithoutStack", withoutStack);
      Map<String, Object> byCategory = new LinkedHashMap<>();
      categories.forEach((c, n) -> byCategory.put(c.label, share(n, samples)));
      m.put("categories", byCategory);
      int pmo = categories.get(Category.PMO_CODE);
      Map<String, Object> byPart = new LinkedHashMap<>();
      pmoParts.forEach((p, n) -> byPart.put(p.label, share(n, Math.max(1, pmo))));
      m.put("insidePmoFlowCode", byPart);
      return m;
    }

    private static Map<String, Object> share(int n, int of) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("samples", n);
      s.put("percent", 100.0 * n / of);
      return s;
    }
  }

  /**
   * Plays {@code lifecycles} projects on each engine, one engine after the other on its own thread, under a
   * recording kept in {@code jfr}; returns each engine's tally.
   */
  static Map<String, Tally> record(Map<String, LifecycleDriver> drivers, int lifecycles, Path jfr) throws Exception {
    Map<String, long[]> cpuNanos = new LinkedHashMap<>();
    try (Recording recording = new Recording()) {
      recording.setName("lifecycle-profile");
      recording.enable("jdk.ExecutionSample").withPeriod(SAMPLE_PERIOD).withStackTrace();
      recording.start();
      for (Map.Entry<String, LifecycleDriver> e : drivers.entrySet()) {
        cpuNanos.put(e.getKey(), play(e.getKey(), e.getValue(), lifecycles));
      }
      recording.stop();
      Files.createDirectories(jfr.toAbsolutePath().getParent());
      recording.dump(jfr);
    }
    Map<String, Tally> tallies = new LinkedHashMap<>();
    cpuNanos.forEach((name, cpu) -> tallies.put(THREAD_PREFIX + name, new Tally(lifecycles, cpu[0], cpu[1])));
    try (RecordingFile file = new RecordingFile(jfr)) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
          continue;
        }
        RecordedThread thread = event.getThread("sampledThread");
        Tally tally = thread == null ? null : tallies.get(thread.getJavaName());
        if (tally != null) {
          tally.add(event.getStackTrace());
        }
      }
    }
    Map<String, Tally> byEngine = new LinkedHashMap<>();
    cpuNanos.keySet().forEach(name -> byEngine.put(name, tallies.get(THREAD_PREFIX + name)));
    return byEngine;
  }

  /**
   * The lifecycles of one engine on a new thread of their own; returns that thread's CPU and user-mode CPU
   * nanoseconds.
   */
  private static long[] play(String name, LifecycleDriver driver, int lifecycles) throws Exception {
    long[] cpu = new long[2];
    Throwable[] failure = new Throwable[1];
    Thread thread = new Thread(() -> {
      try {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long userStart = threads.getCurrentThreadUserTime();
        for (int i = 0; i < lifecycles; i++) {
          driver.playProject("Profiled " + name + " " + i);
        }
        cpu[0] = threads.getCurrentThreadCpuTime() - start;
        cpu[1] = threads.getCurrentThreadUserTime() - userStart;
      } catch (Throwable t) {
        failure[0] = t;
      }
    }, THREAD_PREFIX + name);
    thread.start();
    thread.join();
    if (failure[0] != null) {
      throw new IllegalStateException(name + " failed while profiled", failure[0]);
    }
    return cpu;
  }

  /** The JVM's JFR options as given on its command line (the stack depth among them), or "none". */
  static String flightRecorderOptions() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-XX:FlightRecorderOptions")).findFirst().orElse("none");
  }
}
