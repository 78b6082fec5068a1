package dev.retort.spring;

import dev.retort.Retort;
import javax.sql.DataSource;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Runs or checks the application's Retort migrations at start-up, before JPA (see {@link
 * RetortMigrations}). They are in {@code retort.migrations-package}, else in {@code db.migration}
 * when the application has that package, else in the application's own packages. Active when the
 * application has a {@link DataSource}, unless {@code retort.enabled=false}. Classes are named, not
 * referenced, so no module beyond Spring Boot's auto-configuration needs to be present.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    beforeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = "retort", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(RetortProperties.class)
public class RetortAutoConfiguration {

  /** Where {@code retort revision} puts migrations in a Maven project by default (Flyway's). */
  static final String DEFAULT_PACKAGE = "db.migration";

  @Bean
  @ConditionalOnMissingBean
  public RetortMigrations retortMigrations(
      DataSource dataSource, RetortProperties properties, BeanFactory beanFactory) {
    String migrationsPackage = properties.getMigrationsPackage();
    ClassLoader loader = RetortAutoConfiguration.class.getClassLoader();
    if ((migrationsPackage == null || migrationsPackage.isBlank())
        && Retort.migrationsIn(DEFAULT_PACKAGE).classLoader(loader).hasMigrations()) {
      // Migration classes, not just a db/migration directory (Flyway keeps its SQL there).
      migrationsPackage = DEFAULT_PACKAGE;
    }
    if (migrationsPackage == null || migrationsPackage.isBlank()) {
      if (!AutoConfigurationPackages.has(beanFactory)) {
        throw new IllegalStateException(
            "Retort: no retort.migrations-package and no @SpringBootApplication package to look"
                + " in; set retort.migrations-package");
      }
      migrationsPackage = AutoConfigurationPackages.get(beanFactory).get(0);
    }
    Retort retort =
        Retort.migrationsIn(migrationsPackage)
            .classLoader(loader)
            .schemas(properties.getSchemas().toArray(String[]::new))
            .versionTable(properties.getVersionTable())
            .lockTimeout(properties.getLockTimeout());
    return new RetortMigrations(retort, dataSource, properties);
  }
}
