package io.pmoflow.process;

import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.QueryType;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.listener.QueryUtils;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Counts the SQL statements one thread sends through a DataSource, between {@link #start()} and {@link #stop()}.
 * Only the measuring thread counts: a scheduler or metrics thread of the same application may use the pool at the
 * same moment. Each entry of a JDBC batch is one statement (the engine flushes its inserts, updates and deletes
 * as batches); {@code executions} is the number of round trips. Rows read are {@code ResultSet.next()} calls
 * that found a row; rows written are the update counts the driver returned. Each execution's time (sent to
 * answered, as the driver sees it: the database's work plus the round trip) is added up per "TYPE table" too, and
 * the commits apart, for where a step's time in the database goes.
 */
public final class StatementCounter implements QueryExecutionListener, MethodExecutionListener {

  /** What one step sent. */
  public record Counts(int statements, int executions, int selects, int inserts, int updates, int deletes,
      int others, long rowsRead, long rowsWritten, int savepoints) {
  }

  private volatile Thread counted;
  private int statements;
  private int executions;
  private final int[] byType = new int[QueryType.values().length];
  private long rowsRead;
  private long rowsWritten;
  private int savepoints;
  /** Statements per "TYPE table" (e.g. "INSERT act_hi_detail"), to see where a step's statements go. */
  private final Map<String, Integer> byTable = new TreeMap<>();
  /** Nanoseconds per "TYPE table", and "COMMIT" for the connection's commits. */
  private final Map<String, Long> nanosByTable = new TreeMap<>();
  private long queryStarted;
  private long commitStarted;
  private static final Pattern TABLE = Pattern.compile(
      "(?is)^\\s*(?:insert\\s+into|update|delete\\s+from|select\\b.*?\\bfrom)\\s+([a-z_][a-z0-9_]*)");

  public DataSource wrap(DataSource dataSource) {
    return ProxyDataSourceBuilder.create(dataSource).name("counted").listener(this).methodListener(this)
        .proxyResultSet().build();
  }

  public void start() {
    statements = 0;
    executions = 0;
    java.util.Arrays.fill(byType, 0);
    rowsRead = 0;
    rowsWritten = 0;
    savepoints = 0;
    byTable.clear();
    nanosByTable.clear();
    counted = Thread.currentThread();
  }

  /** The statements of the last counted step per "TYPE table", most first. */
  public Map<String, Integer> byTable() {
    Map<String, Integer> sorted = new LinkedHashMap<>();
    byTable.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  /** The time of the last counted step in the database per "TYPE table" (and "COMMIT"), in ms, most first. */
  public Map<String, Double> msByTable() {
    Map<String, Double> sorted = new LinkedHashMap<>();
    nanosByTable.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> sorted.put(e.getKey(), e.getValue() / 1e6));
    return sorted;
  }

  public Counts stop() {
    counted = null;
    return new Counts(statements, executions, byType[QueryType.SELECT.ordinal()],
        byType[QueryType.INSERT.ordinal()], byType[QueryType.UPDATE.ordinal()], byType[QueryType.DELETE.ordinal()],
        byType[QueryType.OTHER.ordinal()], rowsRead, rowsWritten, savepoints);
  }

  private boolean counting() {
    return Thread.currentThread() == counted;
  }

  @Override
  public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
    if (counting()) {
      queryStarted = System.nanoTime();
    }
  }

  @Override
  public void afterQuery(ExecutionInfo info, List<QueryInfo> queries) {
    if (!counting()) {
      return;
    }
    executions++;
    long share = (System.nanoTime() - queryStarted) / Math.max(1, queries.size());
    for (QueryInfo query : queries) {
      // a prepared statement's batch is one query with one parameter list per entry
      int entries = info.isBatch() && !query.getParametersList().isEmpty() ? query.getParametersList().size() : 1;
      statements += entries;
      QueryType type = QueryUtils.getQueryType(query.getQuery());
      byType[type.ordinal()] += entries;
      Matcher table = TABLE.matcher(query.getQuery());
      String key = type + " " + (table.find() ? table.group(1).toLowerCase(Locale.ROOT) : "?");
      byTable.merge(key, entries, Integer::sum);
      nanosByTable.merge(key, share, Long::sum);
    }
    Object result = info.getResult();
    if (result instanceof Integer n && n > 0) {
      rowsWritten += n;
    } else if (result instanceof Long n && n > 0) {
      rowsWritten += n;
    } else if (result instanceof int[] batch) {
      for (int n : batch) {
        rowsWritten += Math.max(n, 0);
      }
    } else if (result instanceof long[] batch) {
      for (long n : batch) {
        rowsWritten += Math.max(n, 0);
      }
    }
  }

  @Override
  public void beforeMethod(MethodExecutionContext context) {
    if (counting() && "commit".equals(context.getMethod().getName())) {
      commitStarted = System.nanoTime();
    }
  }

  @Override
  public void afterMethod(MethodExecutionContext context) {
    if (!counting()) {
      return;
    }
    Method method = context.getMethod();
    if (context.getTarget() instanceof ResultSet && "next".equals(method.getName())
        && Boolean.TRUE.equals(context.getResult())) {
      rowsRead++;
    } else if ("commit".equals(method.getName())) {
      nanosByTable.merge("COMMIT", System.nanoTime() - commitStarted, Long::sum);
    } else if ("setSavepoint".equals(method.getName())) {
      savepoints++;
    } else if ("getUpdateCount".equals(method.getName()) && context.getResult() instanceof Integer n && n > 0) {
      // MyBatis runs an unbatched write with execute() and reads its count here
      rowsWritten += n;
    }
  }
}
