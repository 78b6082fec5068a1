package dev.retort.spring;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link RetortMigrations} initializes the database, so that what uses the
 * database (JPA's {@code EntityManagerFactory}, {@code JdbcTemplate}s) is created after it, as Boot
 * does for Flyway and Liquibase.
 */
public class RetortMigrationsDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

  @Override
  protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
    return Set.of(RetortMigrations.class);
  }
}
