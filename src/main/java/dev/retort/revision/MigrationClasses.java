package dev.retort.revision;

import dev.retort.error.ExitCode;
import dev.retort.error.RetortException;
import dev.retort.migration.Migration;
import dev.retort.migration.OrdinalEnum;
import dev.retort.migration.Revision;
import dev.retort.schema.OrdinalOrder;
import dev.retort.schema.QualifiedName;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Turns loaded classes into {@link MigrationScript}s, checking that each is a usable migration. */
final class MigrationClasses {

  private MigrationClasses() {}

  /**
   * @param sourceOf names where a class came from, for messages
   */
  static List<MigrationScript> scripts(
      List<Class<?>> classes, Function<Class<?>, String> sourceOf) {
    List<MigrationScript> scripts = new ArrayList<>();
    for (Class<?> type : classes) {
      Revision revision = type.getAnnotation(Revision.class);
      boolean isMigration = Migration.class.isAssignableFrom(type);
      if (revision == null && !isMigration) {
        continue;
      }
      if (Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
        continue;
      }
      String source = sourceOf.apply(type);
      if (revision == null) {
        throw RetortException.revisionGraph(
            source + " implements Migration but has no @Revision annotation",
            "annotate it with @Revision(id = \"...\", revises = \"...\")");
      }
      if (!isMigration) {
        throw RetortException.revisionGraph(
            source + " has @Revision but does not implement Migration",
            "add 'implements Migration'");
      }
      if (!RevisionIds.isUsable(revision.id())) {
        throw RetortException.revisionGraph(
            source + " has the revision id '" + revision.id() + "', which is not usable",
            "use letters, digits and underscores, at most "
                + RevisionIds.MAX_LENGTH
                + " (the"
                + " version table holds no more), and change the revises of its children too");
      }
      for (String replaced : revision.replaces()) {
        if (!RevisionIds.isUsable(replaced)) {
          throw RetortException.revisionGraph(
              source + " replaces '" + replaced + "', which is not a usable revision id",
              "name the replaced revisions by their ids, as their @Revision says");
        }
      }
      for (String parent : revision.revises()) {
        if (!RevisionIds.isUsable(parent)) {
          throw RetortException.revisionGraph(
              source + " revises '" + parent + "', which is not a usable revision id",
              "name the parent by its id, as its @Revision says");
        }
      }
      @SuppressWarnings("unchecked")
      Class<? extends Migration> migrationType = (Class<? extends Migration>) type;
      List<OrdinalOrder> orders = new ArrayList<>();
      for (OrdinalEnum order : type.getAnnotationsByType(OrdinalEnum.class)) {
        orders.add(
            new OrdinalOrder(
                new QualifiedName(order.schema().isEmpty() ? null : order.schema(), order.table()),
                order.column(),
                Arrays.asList(order.constants())));
      }
      scripts.add(
          new MigrationScript(
              revision.id(),
              Arrays.asList(revision.revises()),
              revision.message(),
              revision.created(),
              source,
              orders,
              Arrays.asList(revision.replaces()),
              () -> instantiate(migrationType, source)));
    }
    return scripts;
  }

  private static Migration instantiate(Class<? extends Migration> type, String source) {
    try {
      Constructor<? extends Migration> constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor.newInstance();
    } catch (NoSuchMethodException e) {
      throw new RetortException(
          ExitCode.MIGRATION_FAILED,
          source + " has no no-argument constructor",
          "add a public no-argument constructor, or remove the others");
    } catch (InvocationTargetException e) {
      throw new RetortException(
          ExitCode.MIGRATION_FAILED,
          "creating " + source + " failed: " + e.getCause(),
          "check its constructor and field initializers",
          e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new RetortException(
          ExitCode.MIGRATION_FAILED,
          "cannot create " + source + ": " + e,
          "make the class public",
          e);
    }
  }
}
