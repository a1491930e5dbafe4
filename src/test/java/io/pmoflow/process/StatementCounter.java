package io.pmoflow.process;

import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.util.List;
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
 * that found a row; rows written are the update counts the driver returned.
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
    counted = Thread.currentThread();
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
  }

  @Override
  public void afterQuery(ExecutionInfo info, List<QueryInfo> queries) {
    if (!counting()) {
      return;
    }
    executions++;
    for (QueryInfo query : queries) {
      // a prepared statement's batch is one query with one parameter list per entry
      int entries = info.isBatch() && !query.getParametersList().isEmpty() ? query.getParametersList().size() : 1;
      statements += entries;
      byType[QueryUtils.getQueryType(query.getQuery()).ordinal()] += entries;
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
    } else if ("setSavepoint".equals(method.getName())) {
      savepoints++;
    } else if ("getUpdateCount".equals(method.getName()) && context.getResult() instanceof Integer n && n > 0) {
      // MyBatis runs an unbatched write with execute() and reads its count here
      rowsWritten += n;
    }
  }
}
