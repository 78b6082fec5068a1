package dev.retort.entity.hibernate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.boot.spi.ClassLoaderAccess;
import org.hibernate.boot.spi.MetadataImplementor;

/**
 * What Bean Validation adds to the DDL of an application whose SessionFactory finds a validator:
 * NOT NULL for {@code @NotNull}, {@code @NotBlank} and {@code @NotEmpty}, lengths for {@code @Size}
 * and {@code @Length}, checks for {@code @Min} and {@code @Max}, precision for {@code @Digits}.
 *
 * <p>Hibernate does this from its Bean Validation integrator while it builds a SessionFactory; this
 * calls the same routine ({@code TypeSafeActivator.applyRelationalConstraints}) on the metadata,
 * under the same conditions: a Bean Validation provider on the entities' classpath, {@code
 * jakarta.persistence.validation.mode} {@code auto} or {@code ddl}, and {@code
 * hibernate.validator.apply_to_ddl} not false. Everything is reached by reflection, since neither
 * Bean Validation nor the provider is Retort's: they are the application's.
 */
final class BeanValidationDdl {

  private static final String ACTIVATOR = "org.hibernate.boot.beanvalidation.TypeSafeActivator";

  private BeanValidationDdl() {}

  /** Applies the constraints when the application's Hibernate would; says whether it did. */
  static boolean apply(
      MetadataImplementor metadata, Map<String, Object> settings, ClassLoader loader) {
    if (!enabled(settings)) {
      return false;
    }
    Object factory = validatorFactory(loader);
    if (factory == null) {
      return false;
    }
    try {
      Class<?> factoryType = Class.forName("jakarta.validation.ValidatorFactory", false, loader);
      Class<?> activator = Class.forName(ACTIVATOR, true, metadata.getClass().getClassLoader());
      Method applyConstraints =
          activator.getMethod(
              "applyRelationalConstraints",
              factoryType,
              java.util.Collection.class,
              Map.class,
              org.hibernate.dialect.Dialect.class,
              ClassLoaderAccess.class);
      // A public method of a package-private class.
      applyConstraints.setAccessible(true);
      applyConstraints.invoke(
          null,
          factory,
          metadata.getEntityBindings(),
          settings,
          metadata.getDatabase().getDialect(),
          new EntityClassLoaderAccess(loader));
      return true;
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(
          "Bean Validation could not be applied to the DDL: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException | LinkageError e) {
      // A Hibernate without the routine: the model stays as the metadata has it.
      return false;
    } finally {
      close(factory);
    }
  }

  /** {@code jakarta.persistence.validation.mode} (auto by default) and {@code apply_to_ddl}. */
  static boolean enabled(Map<String, Object> settings) {
    Object mode = settings.get("jakarta.persistence.validation.mode");
    if (mode == null) {
      mode = settings.get("javax.persistence.validation.mode");
    }
    Set<String> modes =
        mode == null
            ? Set.of("auto")
            : Arrays.stream(mode.toString().split(","))
                .map(m -> m.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    boolean ddl = modes.contains("auto") || modes.contains("ddl");
    Object applyToDdl = settings.get("hibernate.validator.apply_to_ddl");
    return ddl && (applyToDdl == null || Boolean.parseBoolean(applyToDdl.toString().trim()));
  }

  /**
   * The application's default validator factory, with a message interpolator that needs no
   * expression language (which a validator only needs to format messages, never for the DDL); null
   * when there is no provider.
   */
  private static Object validatorFactory(ClassLoader loader) {
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(loader);
    try {
      Class<?> validation = Class.forName("jakarta.validation.Validation", true, loader);
      Object bootstrap = validation.getMethod("byDefaultProvider").invoke(null);
      // Through the API's interfaces: the objects are of the provider's private classes.
      Object configuration =
          Class.forName("jakarta.validation.bootstrap.GenericBootstrap", false, loader)
              .getMethod("configure")
              .invoke(bootstrap);
      try {
        Class<?> interpolatorType =
            Class.forName("jakarta.validation.MessageInterpolator", false, loader);
        Object interpolator =
            Class.forName(
                    "org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator",
                    true,
                    loader)
                .getDeclaredConstructor()
                .newInstance();
        Method set =
            Class.forName("jakarta.validation.Configuration", false, loader)
                .getMethod("messageInterpolator", interpolatorType);
        set.invoke(configuration, interpolator);
      } catch (ReflectiveOperationException | LinkageError e) {
        // Another provider: its own interpolator.
      }
      return Class.forName("jakarta.validation.Configuration", false, loader)
          .getMethod("buildValidatorFactory")
          .invoke(configuration);
    } catch (ClassNotFoundException | NoClassDefFoundError e) {
      return null;
    } catch (InvocationTargetException e) {
      // No provider (NoProviderFoundException) is what auto mode skips silently, as Hibernate does.
      if (e.getCause() != null
          && e.getCause()
              .getClass()
              .getName()
              .equals("jakarta.validation.NoProviderFoundException")) {
        return null;
      }
      throw new IllegalStateException(
          "the application's Bean Validation provider cannot start: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      return null;
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  private static void close(Object factory) {
    if (factory instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // Nothing holds resources the run needs.
      }
    }
  }

  /** Hibernate's way to load the entities' classes, from the entities' class loader. */
  private record EntityClassLoaderAccess(ClassLoader loader) implements ClassLoaderAccess {

    @Override
    @SuppressWarnings("unchecked")
    public <T> Class<T> classForName(String name) {
      try {
        return (Class<T>) Class.forName(name, false, loader);
      } catch (ClassNotFoundException e) {
        throw new IllegalArgumentException(name, e);
      }
    }

    @Override
    public URL locateResource(String resourceName) {
      return loader.getResource(resourceName);
    }
  }
}
