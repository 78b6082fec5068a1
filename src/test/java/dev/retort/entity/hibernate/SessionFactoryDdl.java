package dev.retort.entity.hibernate;

import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * What an application does with {@code ddl-auto=create}: builds its SessionFactory against a
 * database, which creates the schema. The truth the tests compare Retort's model with. Lives in the
 * model builder's package so that, like the builder, it is loaded by whichever Hibernate reads the
 * entities (the application's or the bundled one); called by reflection with JDK types only.
 */
public final class SessionFactoryDdl {

  private SessionFactoryDdl() {}

  public static void create(
      ClassLoader loader, List<String> classNames, Map<String, Object> settings)
      throws ClassNotFoundException {
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(loader);
    StandardServiceRegistry registry =
        new StandardServiceRegistryBuilder(
                new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build())
            .applySettings(settings)
            .build();
    try {
      MetadataSources sources = new MetadataSources(registry);
      for (String className : classNames) {
        sources.addAnnotatedClass(Class.forName(className, false, loader));
      }
      try (SessionFactory factory = sources.buildMetadata().buildSessionFactory()) {
        // Building it created the schema; nothing else to do.
      }
    } finally {
      StandardServiceRegistryBuilder.destroy(registry);
      Thread.currentThread().setContextClassLoader(previous);
    }
  }
}
