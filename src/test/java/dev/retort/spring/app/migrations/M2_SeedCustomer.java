package dev.retort.spring.app.migrations;

import dev.retort.migration.Migration;
import dev.retort.migration.Operations;
import dev.retort.migration.Revision;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** A Java migration that uses a JdbcTemplate, on the connection Retort gives it. */
@Revision(id = "sb2", revises = "sb1", message = "seed customer")
public final class M2_SeedCustomer implements Migration {
  @Override
  public void upgrade(Operations op) {
    JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(op.connection(), true));
    jdbc.update("INSERT INTO customer (full_name) VALUES (?)", "Ada Lovelace");
  }

  @Override
  public void downgrade(Operations op) {
    op.execute("DELETE FROM customer WHERE full_name = 'Ada Lovelace'");
  }
}
