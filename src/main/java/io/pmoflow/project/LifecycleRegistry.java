package io.pmoflow.project;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * One running lifecycle per project. {@link #register} runs in the transaction that starts the lifecycle instance:
 * a second start for the same project fails, whichever node it runs on, and takes nothing with it. A row left by an
 * instance that ended without its end listener (an operator deleted it skipping custom listeners) does not block a
 * new start: the caller tells which instances still run.
 */
@Service
public class LifecycleRegistry {

  private final LifecycleInstanceRepository repository;
  private final ProjectRepository projects;
  private final Clock clock;

  public LifecycleRegistry(LifecycleInstanceRepository repository, ProjectRepository projects, Clock clock) {
    this.repository = repository;
    this.projects = projects;
    this.clock = clock;
  }

  /**
   * Records {@code processInstanceId} as the lifecycle of project {@code key}.
   *
   * @throws ProjectNotFoundException when there is no such project
   * @throws LifecycleAlreadyRunningException when another instance that {@code isRunning} has it
   */
  public void register(String key, String processInstanceId, Predicate<String> isRunning) {
    if (projects.findSummary(key).isEmpty()) {
      throw new ProjectNotFoundException(key);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    Optional<String> current = repository.instanceOf(key);
    try {
      if (current.isEmpty()) {
        repository.insert(key, processInstanceId, now);
        return;
      }
      String other = current.get();
      if (other.equals(processInstanceId)) {
        return;
      }
      if (isRunning.test(other)) {
        throw new LifecycleAlreadyRunningException(key, other);
      }
      if (!repository.replace(key, other, processInstanceId, now)) {
        throw new LifecycleAlreadyRunningException(key, repository.instanceOf(key).orElse("unknown"));
      }
    } catch (DuplicateKeyException e) {
      // another transaction registered one between our read and our insert
      throw new LifecycleAlreadyRunningException(key, "started at the same time");
    }
  }

  /** Forgets {@code processInstanceId} as the lifecycle of {@code key} (it ended). */
  public void release(String key, String processInstanceId) {
    repository.delete(key, processInstanceId);
  }
}
