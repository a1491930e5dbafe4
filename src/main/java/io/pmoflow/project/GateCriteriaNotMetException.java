package io.pmoflow.project;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A gate's entry criteria are not met. {@link #field()} names the first missing criterion; the message lists
 * every gap in plain words, so whoever asked for the gate can fix them all at once.
 */
public class GateCriteriaNotMetException extends InvalidInputException {

  /** One unmet criterion: its name (e.g. {@code milestones}) and what is missing. */
  public record Gap(String criterion, String problem) {
  }

  private final Gate gate;
  private final List<Gap> gaps;
  private final String message;

  public GateCriteriaNotMetException(Gate gate, List<Gap> gaps) {
    this(gate, "Gate " + gate + " cannot be requested", gaps);
  }

  /** The same gaps, for an action other than requesting the gate (e.g. declaring deliverables ready). */
  public GateCriteriaNotMetException(Gate gate, String refusal, List<Gap> gaps) {
    super(gaps.get(0).criterion(), gaps.get(0).problem());
    this.gate = gate;
    this.gaps = List.copyOf(gaps);
    this.message = refusal + ": "
        + gaps.stream().map(g -> g.criterion() + ": " + g.problem()).collect(Collectors.joining("; "));
  }

  public Gate gate() {
    return gate;
  }

  public List<Gap> gaps() {
    return gaps;
  }

  @Override
  public String getMessage() {
    return message;
  }
}
