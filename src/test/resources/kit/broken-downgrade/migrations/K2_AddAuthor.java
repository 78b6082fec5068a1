package kit;

import static dev.retort.migration.Dsl.*;

import dev.retort.migration.Migration;
import dev.retort.migration.Operations;
import dev.retort.migration.Revision;

@Revision(id = "k2", revises = "k1", message = "add author, backfilled")
public final class K2_AddAuthor implements Migration {
  @Override
  public void upgrade(Operations op) {
    op.addColumn("notes", column("author", text()));
    op.execute("UPDATE notes SET author = 'unknown'");
  }

  @Override
  public void downgrade(Operations op) {
    // Forgets to drop the column: upgrading again fails.
    op.execute("UPDATE notes SET author = NULL");
  }
}
