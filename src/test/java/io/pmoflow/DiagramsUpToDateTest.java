package io.pmoflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's diagrams show the models as they are. {@code tools/render-diagrams/render.mjs} records the SHA-256
 * of every model it rendered in {@code docs/diagrams/models.sha256}; a model saved since then has another hash.
 * Content, not file times: a git clone gives every file the same time.
 */
class DiagramsUpToDateTest {

  private static final Path MODELS = Path.of("processes");
  private static final Path DIAGRAMS = Path.of("docs", "diagrams");
  private static final Path MANIFEST = DIAGRAMS.resolve("models.sha256");
  private static final String RENDER = "render the diagrams again and commit docs/diagrams/: "
      + "(cd tools/render-diagrams && npm ci) && node tools/render-diagrams/render.mjs";

  @Test
  void everyModelIsRenderedFromItsCurrentContentAndShownInTheReadme() throws IOException {
    Map<String, String> rendered = renderedHashes();
    String readme = Files.readString(Path.of("README.md"));
    List<String> problems = new ArrayList<>();
    for (Path model : models()) {
      String name = model.getFileName().toString();
      String image = name.replaceFirst("\\.bpmn$", ".svg").replaceFirst("\\.dmn$", ".png");
      String key = "processes/" + name;
      String hash = rendered.remove(key);
      if (!Files.exists(DIAGRAMS.resolve(image))) {
        problems.add(key + ": docs/diagrams/" + image + " is missing");
      } else if (hash == null) {
        problems.add(key + ": was never rendered (not in " + MANIFEST + ")");
      } else if (!hash.equals(sha256(model))) {
        problems.add(key + ": changed since docs/diagrams/" + image + " was rendered");
      }
      if (!readme.contains("](docs/diagrams/" + image + ")")) {
        problems.add("README.md does not show docs/diagrams/" + image);
      }
    }
    rendered.keySet().forEach(gone -> problems.add(gone + ": rendered, but the model is gone"));

    assertThat(problems).as("diagrams out of date; " + RENDER).isEmpty();
  }

  private static List<Path> models() throws IOException {
    try (Stream<Path> files = Files.list(MODELS)) {
      List<Path> models = files.filter(f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn"))
          .sorted().toList();
      assertThat(models).as("models in %s", MODELS).isNotEmpty();
      return models;
    }
  }

  /** {@code sha256sum} format: hash, two spaces, path. */
  private static Map<String, String> renderedHashes() throws IOException {
    assertThat(MANIFEST).as("%s; %s", MANIFEST, RENDER).exists();
    Map<String, String> hashes = new TreeMap<>();
    for (String line : Files.readAllLines(MANIFEST, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        String[] parts = line.split("\\s+", 2);
        hashes.put(parts[1].strip(), parts[0]);
      }
    }
    return hashes;
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
