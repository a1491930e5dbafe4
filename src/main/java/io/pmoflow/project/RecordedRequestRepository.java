package io.pmoflow.project;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every project request ever recorded, with its routing inputs and the route it got: what a governance dry-run
 * replays. Streams, so a large portfolio is never held in memory at once.
 */
@Repository
public class RecordedRequestRepository {

  private static final int FETCH_SIZE = 500;

  private final JdbcClient streaming;

  public RecordedRequestRepository(DataSource dataSource) {
    JdbcTemplate fetching = new JdbcTemplate(dataSource);
    fetching.setFetchSize(FETCH_SIZE);
    this.streaming = JdbcClient.create(fetching);
  }

  /** Oldest key first. */
  public void forEach(Consumer<RecordedRequest> action) {
    streaming.sql("""
        select project_key, name, description, business_unit, sponsor, requester, estimated_budget,
          strategic_alignment, complexity, risk_level, cross_departmental, regulatory, requested_start,
          requested_end, phase, pmo_type, intake_approver_group, status_report_cadence
        from pmo_project order by project_key
        """)
        .query((RowCallbackHandler) rs -> action.accept(recorded(rs)));
  }

  private static RecordedRequest recorded(ResultSet rs) throws SQLException {
    ProjectRequest request = new ProjectRequest(rs.getString("name"), rs.getString("description"),
        rs.getString("business_unit"), rs.getString("sponsor"), rs.getBigDecimal("estimated_budget"),
        rs.getInt("strategic_alignment"), Level.valueOf(rs.getString("complexity")),
        Level.valueOf(rs.getString("risk_level")), rs.getBoolean("cross_departmental"), rs.getBoolean("regulatory"),
        rs.getObject("requested_start", LocalDate.class),
        rs.getObject("requested_end", LocalDate.class));
    String pmoType = rs.getString("pmo_type");
    Governance governance = pmoType == null ? null : new Governance(PmoType.valueOf(pmoType),
        rs.getString("intake_approver_group"), rs.getString("status_report_cadence"));
    return new RecordedRequest(rs.getString("project_key"), Phase.valueOf(rs.getString("phase")),
        rs.getString("requester"), request, governance);
  }
}
