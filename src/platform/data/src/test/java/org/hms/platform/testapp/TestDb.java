package org.hms.platform.testapp;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Direct reads of the test database, for assertions about what was (not) stored. */
@ApplicationScoped
public class TestDb {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Pool pool;

    public TestDb(Pool pool) {
        this.pool = pool;
    }

    /** The single number a {@code select count(*) ...} answers; parameters are $1, $2, ... */
    public long count(String sql, Object... params) {
        return rows(sql, params).get(0).getLong(0);
    }

    public List<Row> rows(String sql, Object... params) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.tuple(Arrays.asList(params))).await().atMost(TIMEOUT).forEach(rows::add);
        return rows;
    }
}
