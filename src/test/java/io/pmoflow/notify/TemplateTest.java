package io.pmoflow.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TemplateTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z0-9_]+)\\s*}}");

  @ParameterizedTest
  @EnumSource(NotificationKind.class)
  void everyKindHasATemplateWithSubjectTextAndHtml(NotificationKind kind) throws IOException {
    Template template = Template.load(kind);

    assertThat(template.subject()).isNotBlank().doesNotContain("\n");
    assertThat(template.text()).isNotBlank().doesNotContain("--- ");
    assertThat(template.html()).startsWith("<").contains("</html>");
    assertThat(placeholders(kind)).contains("projectName", "projectKey", "recipient", "link");
  }

  @ParameterizedTest
  @EnumSource(NotificationKind.class)
  void rendersEveryPlaceholder(NotificationKind kind) throws IOException {
    Map<String, Object> model = modelFor(kind);

    Template.Rendered rendered = Template.load(kind).render(model);

    String all = rendered.subject() + rendered.text() + rendered.html();
    assertThat(all).doesNotContain("{{").doesNotContain("}}");
    model.values().forEach(value -> assertThat(all).contains(value.toString()));
    assertThat(rendered.subject()).contains("value-of-projectKey");
    assertThat(rendered.text()).contains("value-of-recipient").contains("value-of-link");
  }

  @ParameterizedTest
  @EnumSource(NotificationKind.class)
  void escapesValuesInHtmlOnly(NotificationKind kind) throws IOException {
    Map<String, Object> model = modelFor(kind);
    model.put("projectName", "<script>alert(\"x\") & co</script>");

    Template.Rendered rendered = Template.load(kind).render(model);

    assertThat(rendered.html()).contains("&lt;script&gt;alert(&quot;x&quot;) &amp; co&lt;/script&gt;")
        .doesNotContain("<script>");
    assertThat(rendered.text()).contains("<script>alert(\"x\") & co</script>");
  }

  @ParameterizedTest
  @EnumSource(NotificationKind.class)
  void insertsReplacementCharactersVerbatim(NotificationKind kind) throws IOException {
    Map<String, Object> model = modelFor(kind);
    model.put("projectName", "Budget $1 \\ $2");

    Template.Rendered rendered = Template.load(kind).render(model);

    assertThat(rendered.text()).contains("Budget $1 \\ $2");
    assertThat(rendered.html()).contains("Budget $1 \\ $2");
  }

  @ParameterizedTest
  @EnumSource(NotificationKind.class)
  void missingValueIsAnErrorNamingThePlaceholder(NotificationKind kind) throws IOException {
    Template template = Template.load(kind);
    for (String name : placeholders(kind)) {
      Map<String, Object> model = modelFor(kind);
      model.remove(name);

      assertThatIllegalArgumentException().as("without %s", name).isThrownBy(() -> template.render(model))
          .withMessageContaining("{{" + name + "}}");
    }
  }

  @ParameterizedTest
  @EnumSource(NotificationKind.class)
  void nullValueRendersEmpty(NotificationKind kind) throws IOException {
    Map<String, Object> model = modelFor(kind);
    model.put("recipient", null);

    Template.Rendered rendered = Template.load(kind).render(model);

    assertThat(rendered.text()).doesNotContain("null").doesNotContain("{{recipient}}");
  }

  private static Map<String, Object> modelFor(NotificationKind kind) throws IOException {
    Map<String, Object> model = new LinkedHashMap<>();
    for (String name : placeholders(kind)) {
      model.put(name, "value-of-" + name);
    }
    return model;
  }

  /** The placeholders as written in the template file, read independently of {@link Template}. */
  private static Set<String> placeholders(NotificationKind kind) throws IOException {
    String path = "notify/templates/" + kind.name() + ".tmpl";
    try (InputStream in = TemplateTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      Matcher m = PLACEHOLDER.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      Set<String> names = new TreeSet<>();
      while (m.find()) {
        names.add(m.group(1));
      }
      return names;
    }
  }
}
