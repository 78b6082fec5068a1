package dev.retort.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test method a fresh empty database: declare a {@link TestDatabase} parameter. The
 * database is dropped when the test ends.
 *
 * <pre>{@code
 * @ExtendWith(PostgresExtension.class)
 * class SomethingTest {
 *   @Test void works(TestDatabase db) { ... }
 * }
 * }</pre>
 */
public final class PostgresExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PostgresExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestDatabase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TestDatabase database = TestServer.get().createDatabase();
    // JUnit closes stored CloseableResources when the test's context ends.
    context.getStore(NAMESPACE).put(database.name(), new Dropper(database));
    return database;
  }

  private record Dropper(TestDatabase database)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      TestServer.get().dropDatabase(database);
    }
  }
}
