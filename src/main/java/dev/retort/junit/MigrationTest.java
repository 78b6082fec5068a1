package dev.retort.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test of a data migration: the test method gets a {@link MigrationDatabase} of its own, already
 * at {@link #from}, seeds rows, calls {@link MigrationDatabase#upgrade()} to reach {@link #to}, and
 * asserts the data. Afterwards the kit downgrades to {@code from} and upgrades to {@code to} again
 * (unless {@link #roundTrip} is false), failing the test when either step fails.
 *
 * <pre>{@code
 * @MigrationTest(from = "d05f9c3a71e8", to = "2e9d6b1f7c05")
 * void seedsThePermissionMatrix(MigrationDatabase db) {
 *   db.execute("INSERT INTO roles (name) VALUES ('admin')");
 *   db.upgrade();
 *   assertEquals("6", db.queryOne("SELECT count(*) FROM role_permissions WHERE ..."));
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Test
@ExtendWith(MigrationTestExtension.class)
public @interface MigrationTest {

  /** Where the database starts: a revision, or {@code base}. */
  String from();

  /** Where {@link MigrationDatabase#upgrade()} takes it: a revision, or {@code head}. */
  String to() default "head";

  /** Whether to downgrade to {@code from} and upgrade to {@code to} again after the test. */
  boolean roundTrip() default true;

  /** The configuration file; default: {@code retort.properties} in the working directory. */
  String config() default "";
}
