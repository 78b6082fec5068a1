package dev.retort.compiler;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * A class loader for another library's world (the application's Hibernate, Hibernate Tools): its
 * jars over the JDK; the classes of one Retort package defined here again from Retort's class
 * files, so they link against those jars; every other Retort class (the shared interfaces and
 * records, which use JDK types only) from Retort's own loader.
 */
public final class IsolatedLoader extends URLClassLoader {

  static {
    registerAsParallelCapable();
  }

  private final ClassLoader retort;
  private final String redefinedPackage;

  /**
   * @param redefinedPackage the Retort package (with its trailing dot) whose classes link here
   */
  public IsolatedLoader(String name, URL[] urls, ClassLoader retort, String redefinedPackage) {
    super(name, urls, ClassLoader.getPlatformClassLoader());
    this.retort = retort;
    this.redefinedPackage = redefinedPackage;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (name.startsWith(redefinedPackage)) {
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          loaded = defineFromRetort(name);
        }
        if (resolve) {
          resolveClass(loaded);
        }
        return loaded;
      }
    }
    if (name.startsWith("dev.retort.")) {
      return retort.loadClass(name);
    }
    return super.loadClass(name, resolve);
  }

  private Class<?> defineFromRetort(String name) throws ClassNotFoundException {
    try (InputStream in = retort.getResourceAsStream(name.replace('.', '/') + ".class")) {
      if (in == null) {
        throw new ClassNotFoundException(name);
      }
      byte[] bytes = in.readAllBytes();
      return defineClass(name, bytes, 0, bytes.length);
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
  }

  /** Closes, ignoring failure: nothing loaded from it is in use any more. */
  public void closeQuietly() {
    try {
      close();
    } catch (IOException e) {
      // Nothing to do.
    }
  }
}
