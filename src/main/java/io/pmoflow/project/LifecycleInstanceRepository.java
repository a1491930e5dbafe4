package io.pmoflow.project;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which process instance runs a project's lifecycle ({@code pmo_lifecycle_instance}, one row per project). */
@Repository
public class LifecycleInstanceRepository {

  private final JdbcClient jdbc;

  public LifecycleInstanceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<String> instanceOf(String key) {
    return jdbc.sql("select process_instance_id from pmo_lifecycle_instance where project_key = :key")
        .param("key", key).query(String.class).optional();
  }

  /** Inserts the row; a concurrent insert for the same project fails on the primary key. */
  public void insert(String key, String processInstanceId, OffsetDateTime now) {
    jdbc.sql("""
        insert into pmo_lifecycle_instance (project_key, process_instance_id, started_at)
        values (:key, :instance, :now)
        """).param("key", key).param("instance", processInstanceId).param("now", now).update();
  }

  /** Replaces {@code previous} by {@code processInstanceId}; false when the row no longer names {@code previous}. */
  public boolean replace(String key, String previous, String processInstanceId, OffsetDateTime now) {
    return jdbc.sql("""
        update pmo_lifecycle_instance set process_instance_id = :instance, started_at = :now
        where project_key = :key and process_instance_id = :previous
        """).param("key", key).param("previous", previous).param("instance", processInstanceId).param("now", now)
        .update() == 1;
  }

  public void delete(String key, String processInstanceId) {
    jdbc.sql("delete from pmo_lifecycle_instance where project_key = :key and process_instance_id = :instance")
        .param("key", key).param("instance", processInstanceId).update();
  }
}
