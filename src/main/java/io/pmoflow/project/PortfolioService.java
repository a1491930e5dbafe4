package io.pmoflow.project;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The portfolio as a whole: figures for the dashboard, the time projects spend in each phase, resource capacity. */
@Service
@Transactional(readOnly = true)
public class PortfolioService {

  /** The longest capacity view, in weeks. */
  public static final int MAX_CAPACITY_WEEKS = 26;
  /** The most people on one page of the capacity view. */
  public static final int MAX_CAPACITY_PAGE_SIZE = 500;
  /** The capacity view's length when no end is given, in weeks. */
  static final int DEFAULT_CAPACITY_WEEKS = 12;

  private final PortfolioRepository repository;
  private final Clock clock;

  public PortfolioService(PortfolioRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  public PortfolioSummary summary(PortfolioFilter filter) {
    return repository.summary(filter);
  }

  public PortfolioBreakdown breakdown(PortfolioFilter filter) {
    return repository.breakdown(filter);
  }

  public List<PhaseTime> phaseTimes(PortfolioFilter filter) {
    return repository.phaseTimes(filter);
  }

  /**
   * Allocation per person and role for each ISO week from the week of {@code from} (default: this week) to the
   * week of {@code to} (default: {@value #DEFAULT_CAPACITY_WEEKS} weeks in all), at most
   * {@value #MAX_CAPACITY_WEEKS} weeks; one page of people (by user id), every role.
   */
  public Capacity capacity(LocalDate from, LocalDate to, int page, int size) {
    Fields.requirePage(page, size, MAX_CAPACITY_PAGE_SIZE);
    LocalDate first = from != null ? from : LocalDate.now(clock);
    LocalDate end = to != null ? to : monday(first).plusWeeks(DEFAULT_CAPACITY_WEEKS).minusDays(1);
    List<LocalDate> weeks = weeks(first, end);
    LocalDate start = weeks.get(0);
    LocalDate lastDay = weeks.get(weeks.size() - 1).plusDays(6);
    // pass 1: every person's and role's weekly totals, kept as one array per person and role
    Map<String, int[]> personTotals = new TreeMap<>();
    Map<String, int[]> roleTotals = new TreeMap<>();
    Map<String, List<Set<String>>> rolePeople = new HashMap<>();
    repository.assignments(start, lastDay, null, a -> forEachWeek(weeks, a, w -> {
      personTotals.computeIfAbsent(a.userId(), u -> new int[weeks.size()])[w] += a.allocationPercent();
      roleTotals.computeIfAbsent(a.role(), r -> new int[weeks.size()])[w] += a.allocationPercent();
      rolePeople.computeIfAbsent(a.role(), r -> weeks.stream().<Set<String>>map(x -> new HashSet<>()).toList())
          .get(w).add(a.userId());
    }));
    // pass 2: the projects behind the weeks of this page's people
    List<String> pagePeople = personTotals.keySet().stream().skip((long) page * size).limit(size).toList();
    Map<String, List<List<Capacity.Contribution>>> contributions = new HashMap<>();
    repository.assignments(start, lastDay, pagePeople, a -> forEachWeek(weeks, a, w -> contributions
        .computeIfAbsent(a.userId(), u -> weeks.stream().<List<Capacity.Contribution>>map(x -> new ArrayList<>())
            .toList())
        .get(w).add(new Capacity.Contribution(a.projectKey(), a.projectName(), a.role(), a.allocationPercent()))));
    List<Capacity.Person> people = pagePeople.stream().map(userId -> {
      int[] totals = personTotals.get(userId);
      List<Capacity.PersonWeek> personWeeks = new ArrayList<>();
      for (int w = 0; w < weeks.size(); w++) {
        List<Capacity.Contribution> projects = contributions.get(userId).get(w);
        projects.sort(Comparator.comparing(Capacity.Contribution::projectKey)
            .thenComparing(Capacity.Contribution::role));
        personWeeks.add(new Capacity.PersonWeek(weeks.get(w), totals[w], totals[w] > Capacity.FULL_TIME_PERCENT,
            projects));
      }
      int peak = Arrays.stream(totals).max().orElse(0);
      return new Capacity.Person(userId, peak, peak > Capacity.FULL_TIME_PERCENT, personWeeks);
    }).toList();
    List<Capacity.Role> roles = roleTotals.entrySet().stream().map(e -> {
      List<Capacity.RoleWeek> roleWeeks = new ArrayList<>();
      for (int w = 0; w < weeks.size(); w++) {
        roleWeeks.add(new Capacity.RoleWeek(weeks.get(w), e.getValue()[w], rolePeople.get(e.getKey()).get(w).size()));
      }
      return new Capacity.Role(e.getKey(), roleWeeks);
    }).toList();
    return new Capacity(first, end, weeks, page, size, personTotals.size(), people, roles);
  }

  private static LocalDate monday(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /** The Mondays of the ISO weeks from the week of {@code first} to the week of {@code end}. */
  private static List<LocalDate> weeks(LocalDate first, LocalDate end) {
    if (end.isBefore(first)) {
      throw new InvalidInputException("to", "must not be before from (" + first + ")");
    }
    List<LocalDate> weeks = new ArrayList<>();
    for (LocalDate week = monday(first); !week.isAfter(end) && weeks.size() <= MAX_CAPACITY_WEEKS;
        week = week.plusWeeks(1)) {
      weeks.add(week);
    }
    if (weeks.size() > MAX_CAPACITY_WEEKS) {
      throw new InvalidInputException("to", "spans more than " + MAX_CAPACITY_WEEKS + " ISO weeks from " + first);
    }
    return weeks;
  }

  /** Calls {@code action} with the index of every one of {@code weeks} the assignment's project is planned in. */
  private static void forEachWeek(List<LocalDate> weeks, PortfolioRepository.Assignment a, IntConsumer action) {
    for (int w = 0; w < weeks.size(); w++) {
      LocalDate monday = weeks.get(w);
      if (!a.start().isAfter(monday.plusDays(6)) && !a.end().isBefore(monday)) {
        action.accept(w);
      }
    }
  }
}
