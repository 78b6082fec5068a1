package dev.retort.migration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records, on a migration, which Java enum constants the positions in an ORDINAL enum column mean
 * from this revision on. A database stores only the numbers; this is how Retort later notices that
 * the constants were reordered, and writes the update that keeps every row's meaning. Generated
 * migrations carry it; there is no need to write it by hand.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(OrdinalEnums.class)
public @interface OrdinalEnum {

  /** The table's schema, when it is not the default one. */
  String schema() default "";

  String table();

  String column();

  /** The constants in declaration order: position 0 first. */
  String[] constants();
}
