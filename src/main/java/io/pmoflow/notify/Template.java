package io.pmoflow.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * A notification template: subject, plain text and HTML sections with {@code {{name}}} placeholders.
 * Values are HTML-escaped in the HTML section. An unknown placeholder is an error, never an empty string.
 */
record Template(String subject, String text, String html) {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z0-9_]+)\\s*}}");

  static Template load(NotificationKind kind) {
    String path = "notify/templates/" + kind.name() + ".tmpl";
    try (InputStream in = Template.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing notification template " + path);
      }
      String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String[] parts = raw.split("(?m)^--- (?:text|html) ---\\R", -1);
      if (parts.length != 3 || !parts[0].startsWith("Subject: ")) {
        throw new IllegalStateException(path + " must be 'Subject: ...', '--- text ---', '--- html ---'");
      }
      return new Template(parts[0].substring("Subject: ".length()).strip(), parts[1].strip(), parts[2].strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Rendered render(Map<String, Object> model) {
    return new Rendered(fill(subject, model, false), fill(text, model, false), fill(html, model, true));
  }

  private static String fill(String template, Map<String, Object> model, boolean html) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      if (!model.containsKey(name)) {
        throw new IllegalArgumentException("Template placeholder {{" + name + "}} has no value");
      }
      Object value = model.get(name);
      String s = value == null ? "" : value.toString();
      m.appendReplacement(out, Matcher.quoteReplacement(html ? HtmlUtils.htmlEscape(s) : s));
    }
    m.appendTail(out);
    return out.toString();
  }

  record Rendered(String subject, String text, String html) {
  }
}
