package kit;

import static dev.retort.migration.Dsl.*;

import dev.retort.migration.Migration;
import dev.retort.migration.Operations;
import dev.retort.migration.Revision;

@Revision(id = "k1", message = "create notes")
public final class K1_CreateNotes implements Migration {
  @Override
  public void upgrade(Operations op) {
    op.createTable("notes", column("id", bigint()).notNull(), column("body", text()));
  }

  @Override
  public void downgrade(Operations op) {
    op.dropTable("notes");
  }
}
