package io.pmoflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pmoflow.project.DocumentLink;
import io.pmoflow.project.Lesson;
import io.pmoflow.project.ProjectFixtures;
import io.pmoflow.project.ProjectService;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The project report and the lessons search over HTTP, behind the same authentication as the rest of /api. */
class ReportAndLessonsHttpIT extends HttpSupport {

  @Autowired ProjectService projects;

  @Test
  void theReportIsAnHtmlPageForLoggedInUsersAndUnknownKeysGetJson() {
    String key = ProjectFixtures.inExecution(projects, "Report <over> HTTP");

    Reply report = get("bob.board", "/api/projects/" + key + "/report");
    assertThat(report.status()).isEqualTo(200);
    assertThat(report.headers().get("Content-Type")).containsExactly("text/html;charset=UTF-8");
    assertThat(report.body()).startsWith("<!DOCTYPE html>").contains(key)
        .contains("Project report (interim): Report &lt;over&gt; HTTP").contains("50,000.00");

    WebappSession tasklist = loginToTasklist("sam.sponsor");
    assertThat(sendWith(tasklist.client(), HttpRequest.newBuilder(uri("/api/projects/" + key + "/report")).GET())
        .status()).as("readable after a Tasklist login").isEqualTo(200);

    Reply missing = get("bob.board", "/api/projects/PRJ-1999-0404/report");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.headers().get("Content-Type").get(0)).startsWith("application/json");
    assertThat(missing.json().get("message").asText()).contains("PRJ-1999-0404");

    Reply anonymous = get(null, "/api/projects/" + key + "/report");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.body()).doesNotContain(key);
  }

  @Test
  void lessonsAreSearchedAsAPageAndBadFiltersAreJsonErrors() {
    String token = "http" + UUID.randomUUID().toString().substring(0, 8);
    String key = ProjectFixtures.inExecution(projects, "Lessons " + token);
    projects.archiveDocuments(key, List.of(new DocumentLink("Plan", "https://docs.example/plan")),
        ProjectFixtures.PM);
    projects.recordLessons(key, List.of(new Lesson("COST", "Weekly spend review", "Late invoices", "Accrue"),
        new Lesson("RISK", "Early risk workshop", "Owners unclear", "Name an owner per risk")), ProjectFixtures.PM);

    JsonNode page = get("rae.requester", "/api/lessons?q=" + token.toUpperCase() + "&size=1").json();
    assertThat(page.get("totalElements").asLong()).isEqualTo(2);
    assertThat(page.get("page").asInt()).isZero();
    assertThat(page.get("size").asInt()).isEqualTo(1);
    JsonNode newest = page.get("content").get(0);
    assertThat(newest.get("projectKey").asText()).isEqualTo(key);
    assertThat(newest.get("projectName").asText()).isEqualTo("Lessons " + token);
    assertThat(newest.get("category").asText()).isEqualTo("RISK");
    assertThat(newest.get("recordedBy").asText()).isEqualTo(ProjectFixtures.PM);
    assertThat(newest.has("recordedAt")).isTrue();

    JsonNode cost = get("rae.requester", "/api/lessons?q=" + token + "&category=COST").json();
    assertThat(cost.get("content").findValuesAsText("recommendation")).containsExactly("Accrue");

    Reply badCategory = get("rae.requester", "/api/lessons?category=LUCK");
    assertThat(badCategory.status()).isEqualTo(400);
    assertThat(badCategory.json().get("field").asText()).isEqualTo("category");
    assertThat(get("rae.requester", "/api/lessons?size=0").json().get("field").asText()).isEqualTo("size");
    assertThat(get(null, "/api/lessons").status()).isEqualTo(401);

    JsonNode project = get("rae.requester", "/api/projects/" + key).json();
    assertThat(project.get("archived").asBoolean()).isTrue();
    assertThat(project.get("lessons")).hasSize(2);
    assertThat(project.get("documents").get(0).get("url").asText()).isEqualTo("https://docs.example/plan");
  }

  @Test
  void projectDetailsCarryPlanExecutionAndClosureAndTheListShowsAHold() {
    String key = ProjectFixtures.inExecution(projects, "Details over HTTP");
    JsonNode project = get("pat.pmo", "/api/projects/" + key).json();
    assertThat(project.get("key").asText()).isEqualTo(key);
    assertThat(project.get("plan").get("budgetTotal").decimalValue()).isEqualByComparingTo("50000");
    assertThat(project.get("plan").get("budget").findValuesAsText("category")).containsExactly("Staff", "Licences");
    assertThat(project.get("plan").get("communications")).hasSize(1);
    assertThat(project.get("plan").get("qualityStandards").asText()).isNotBlank();
    assertThat(project.get("workPackages").findValuesAsText("name")).containsExactly("Design", "Build", "Roll-out");
    assertThat(project.get("baselines").get(0).get("version").asInt()).isEqualTo(1);
    assertThat(project.get("baselines").get(0).get("milestones")).hasSize(2);
    assertThat(project.get("milestones").get(0).has("id")).isTrue();
    assertThat(project.get("milestones").get(0).has("waiverReason")).isTrue();
    assertThat(project.get("team").get(0).has("releasedAt")).isTrue();
    assertThat(project.get("issues")).isEmpty();
    assertThat(project.get("documents")).isEmpty();
    assertThat(project.get("archived").asBoolean()).isFalse();
    assertThat(project.has("history") && project.has("risks") && project.has("changes")
        && project.has("statusReports")).as("CONTRACT §5 fields stay").isTrue();

    projects.setOnHold(key, ProjectFixtures.SPONSOR, "Waiting for the budget");
    JsonNode list = get("pat.pmo", "/api/projects?phase=EXECUTION&size=200").json();
    for (JsonNode row : list.get("content")) {
      if (row.get("key").asText().equals(key)) {
        assertThat(row.get("status").asText()).isEqualTo("ON_HOLD");
        return;
      }
    }
    throw new AssertionError(key + " is not listed");
  }
}
