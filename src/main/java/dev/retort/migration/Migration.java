package dev.retort.migration;

/**
 * A schema migration. Implementations are annotated with {@link Revision} and have a public
 * no-argument constructor.
 *
 * <pre>{@code
 * @Revision(id = "3f2a9c1e7b44", revises = "1a2b3c4d5e6f", created = "2026-11-21T10:15:30Z",
 *     message = "Add user bio")
 * public final class M20261121_1015_AddUserBio implements Migration {
 *   public void upgrade(Operations op) { op.addColumn("users", column("bio", varchar(500))); }
 *   public void downgrade(Operations op) { op.dropColumn("users", "bio"); }
 * }
 * }</pre>
 */
public interface Migration {

  void upgrade(Operations op);

  void downgrade(Operations op);

  /**
   * Whether the migration runs inside one transaction (the default). Return false for statements
   * PostgreSQL refuses in a transaction block, such as {@code CREATE INDEX CONCURRENTLY}; each
   * statement then commits on its own, so a failure midway leaves the earlier ones applied.
   */
  default boolean transactional() {
    return true;
  }
}
