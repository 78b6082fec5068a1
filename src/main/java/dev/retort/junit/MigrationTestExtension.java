package dev.retort.junit;

import dev.retort.config.DatabaseUrl;
import dev.retort.config.RetortConfig;
import dev.retort.error.RetortException;
import dev.retort.workspace.Workspace;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.AssertionFailedError;

/**
 * Gives a {@link MigrationTest} its database at {@code from}; afterwards checks the round trip
 * (when the test left the database at {@code to}) and drops the database.
 */
final class MigrationTestExtension implements ParameterResolver, AfterEachCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(MigrationTestExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == MigrationDatabase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    MigrationDatabase existing =
        context.getStore(NAMESPACE).get(MigrationDatabase.class, MigrationDatabase.class);
    if (existing != null) {
      // Two parameters of the type share the test's one database.
      return existing;
    }
    MigrationTest test = annotation(context);
    RetortConfig config =
        KitProject.config(test.config().isEmpty() ? null : Path.of(test.config()));
    DatabaseUrl url = KitProject.scratchDatabase(config);
    Workspace workspace;
    try {
      workspace = KitProject.workspace(config, url);
    } catch (RuntimeException e) {
      ScratchDatabases.drop(url, KitProject.environment());
      throw e;
    }
    MigrationDatabase database = new MigrationDatabase(workspace, url, test.from(), test.to());
    context.getStore(NAMESPACE).put(MigrationDatabase.class, database);
    try {
      if (!test.from().equals("base")) {
        database.upgradeTo(test.from());
      }
    } catch (RetortException e) {
      throw new AssertionFailedError(
          "could not bring the database to " + test.from() + ": " + e.oneLine(), e);
    }
    return database;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    MigrationDatabase database =
        context.getStore(NAMESPACE).remove(MigrationDatabase.class, MigrationDatabase.class);
    if (database == null) {
      return;
    }
    try {
      boolean failed = context.getExecutionException().isPresent();
      if (!failed && annotation(context).roundTrip() && atTarget(database)) {
        roundTrip(database);
      }
    } finally {
      ScratchDatabases.drop(database.url(), KitProject.environment());
    }
  }

  /** Whether the test took the database to {@code to} (so there is a round trip to test). */
  private static boolean atTarget(MigrationDatabase database) {
    String to = database.to();
    List<String> expected =
        to.equals("head") || to.equals("heads")
            ? database.graph().heads()
            : List.of(database.graph().resolve(to));
    return new HashSet<>(database.current()).equals(new HashSet<>(expected));
  }

  private static void roundTrip(MigrationDatabase database) {
    try {
      database.downgrade();
    } catch (RetortException e) {
      throw new AssertionFailedError(
          "the downgrade from "
              + database.to()
              + " to "
              + database.from()
              + " failed: "
              + e.oneLine(),
          e);
    }
    try {
      database.upgrade();
    } catch (RetortException e) {
      throw new AssertionFailedError(
          "upgrading again after the downgrade failed (the downgrade left something behind): "
              + e.oneLine(),
          e);
    }
  }

  private static MigrationTest annotation(ExtensionContext context) {
    return context.getRequiredTestMethod().getAnnotation(MigrationTest.class);
  }
}
