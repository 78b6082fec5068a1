package dev.retort.spring.app.migrations;

import static dev.retort.migration.Dsl.*;

import dev.retort.migration.Migration;
import dev.retort.migration.Operations;
import dev.retort.migration.Revision;

@Revision(id = "sb1", message = "create customer")
public final class M1_CreateCustomer implements Migration {
  @Override
  public void upgrade(Operations op) {
    op.createTable(
        "customer",
        column("id", bigint()).withIdentity(identity()),
        column("full_name", varchar(255)),
        primaryKey("customer_pkey", "id"));
  }

  @Override
  public void downgrade(Operations op) {
    op.dropTable("customer");
  }
}
