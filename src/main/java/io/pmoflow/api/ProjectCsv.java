package io.pmoflow.api;

import io.pmoflow.project.ProjectSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The project list as CSV (RFC 4180): the CONTRACT §5 fields in their order, CRLF line ends, a field quoted when
 * it holds a comma, quote or line break. A text that a spreadsheet would run as a formula (starting with =, +, -,
 * @, tab or carriage return) gets a leading apostrophe.
 */
final class ProjectCsv {

  static final List<String> COLUMNS = List.of("key", "name", "phase", "status", "pmoType", "health", "sponsor",
      "projectManager", "businessUnit", "budget", "actualCost", "percentComplete", "plannedStart", "plannedEnd",
      "updatedAt");

  private ProjectCsv() {
  }

  static void header(Writer out) throws IOException {
    out.write(String.join(",", COLUMNS) + "\r\n");
  }

  static void row(Writer out, ProjectSummary p) {
    List<String> fields = new ArrayList<>(List.of(text(p.key()), text(p.name()), value(p.phase()),
        value(p.status()), value(p.pmoType()), text(p.health()), text(p.sponsor()), text(p.projectManager()),
        text(p.businessUnit())));
    fields.add(p.budget() == null ? "" : p.budget().toPlainString());
    fields.add(p.actualCost() == null ? "" : p.actualCost().toPlainString());
    fields.add(String.valueOf(p.percentComplete()));
    fields.add(value(p.plannedStart()));
    fields.add(value(p.plannedEnd()));
    fields.add(value(p.updatedAt()));
    try {
      out.write(String.join(",", fields) + "\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String value(Object value) {
    return Objects.toString(value, "");
  }

  static String text(String value) {
    if (value == null) {
      return "";
    }
    String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
        ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
  }
}
