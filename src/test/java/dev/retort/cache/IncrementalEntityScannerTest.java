package dev.retort.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.entity.ClassFiles;
import dev.retort.entity.ClassGraphScanner;
import dev.retort.entity.EntityClasspath;
import dev.retort.entity.EntityScanner;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The incremental scan finds exactly what a whole scan of the same files finds. */
class IncrementalEntityScannerTest {

  private static final List<String> PACKAGES = List.of("fx");
  private static final String ENTITY_A =
      "package fx; @jakarta.persistence.Entity public class A { @jakarta.persistence.Id Long id; }";

  @TempDir Path dir;

  @org.junit.jupiter.params.ParameterizedTest(name = "changed classes read by {0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"ClassGraph", "the class loader"})
  void afterEditsTheIncrementalScanEqualsAWholeScan(String reader) throws IOException {
    Path classes = dir.resolve("classes");
    compile(
        classes,
        Map.of(
            "fx/A.java", ENTITY_A,
            "fx/B.java", "package fx; @jakarta.persistence.Embeddable public class B { int x; }",
            "fx/C.java", "package fx; public class C { int x; }",
            "fx/D.java",
                "package fx; @jakarta.persistence.MappedSuperclass public class D { int x; }",
            "fx/sub/E.java",
                "package fx.sub; public class E { @jakarta.persistence.Embeddable public static class Inner { int x; } }",
            "other/O.java",
                "package other; @jakarta.persistence.Entity public class O { @jakarta.persistence.Id Long id; }"));
    EntityClasspath classpath = EntityClasspath.of(List.of(classes));
    EntityScanner.Units first = wholeScan(classpath);
    assertEquals(
        List.of("fx.A", "fx.B", "fx.D", "fx.sub.E$Inner"), first.classNames(classpath, PACKAGES));

    // An entity becomes a plain class, a plain class an entity, one class goes, one arrives.
    compile(
        classes,
        Map.of(
            "fx/A.java", "package fx; public class A { Long id; }",
            "fx/C.java",
                "package fx; @jakarta.persistence.Entity public class C { @jakarta.persistence.Id Long id; }",
            "fx/F.java",
                "package fx; @jakarta.persistence.Entity public class F { @jakarta.persistence.Id Long id; }"));
    Files.delete(classes.resolve("fx/D.class"));

    ClassFiles files = fresh(classpath).classFiles();
    EntityScanner.Units incremental =
        incremental(classpath, first.found(), !reader.equals("ClassGraph"));
    EntityScanner.Units whole = wholeScan(classpath);
    assertEquals(
        List.of("fx.B", "fx.C", "fx.F", "fx.sub.E$Inner"),
        incremental.classNames(classpath, PACKAGES));
    assertEquals(whole.found(), incremental.found());
    assertTrue(incremental.reusable());
  }

  @Test
  void unchangedClassFilesAreTakenFromTheEarlierScan() throws IOException {
    Path classes = dir.resolve("classes");
    compile(
        classes,
        Map.of("fx/A.java", ENTITY_A, "fx/C.java", "package fx; public class C { int x; }"));
    EntityClasspath classpath = EntityClasspath.of(List.of(classes));
    ClassFiles files = fresh(classpath).classFiles();
    EntityScanner.Units first = wholeScan(classpath);

    // A planted earlier answer for C's unchanged bytes is believed: C was not read again.
    String unitOfC =
        files.classes().stream()
            .filter(f -> f.name().equals("fx.C"))
            .findFirst()
            .orElseThrow()
            .hash();
    Map<String, List<EntityScanner.Found>> planted = new HashMap<>(first.found());
    planted.put("class:" + unitOfC, List.of(new EntityScanner.Found("fx.C", true)));
    assertEquals(
        List.of("fx.A", "fx.C"),
        incremental(classpath, planted, true).classNames(classpath, PACKAGES));
  }

  @Test
  void aChangedClassTheLoaderCannotLoadIsReadFromItsBytes() throws IOException {
    Path classes = dir.resolve("classes");
    compile(classes, Map.of("fx/A.java", ENTITY_A));
    EntityClasspath classpath = EntityClasspath.of(List.of(classes));
    EntityScanner.Units first = wholeScan(classpath);

    compile(
        classes,
        Map.of(
            "fx/Base.java", "package fx; public class Base { }",
            "fx/G.java",
                "package fx; @jakarta.persistence.Entity public class G extends Base { @jakarta.persistence.Id Long id; }"));
    Files.delete(classes.resolve("fx/Base.class"));
    EntityScanner.Units second = incremental(classpath, first.found(), true);
    assertEquals(List.of("fx.A", "fx.G"), second.classNames(classpath, PACKAGES));
  }

  @Test
  void aClassInADirectoryAndAJarCountsWhereTheLoaderFindsIt() throws IOException {
    Path jarClasses = dir.resolve("jar-classes");
    compile(
        jarClasses,
        Map.of(
            "fx/S.java", "package fx; @jakarta.persistence.Embeddable public class S { int x; }"));
    Path jar = dir.resolve("lib.jar");
    jar(jarClasses, jar);
    Path classes = dir.resolve("classes");
    compile(
        classes,
        Map.of(
            "fx/A.java",
            ENTITY_A,
            "fx/S.java",
            "package fx; @jakarta.persistence.Embeddable public class S { int x; }"));
    EntityClasspath classpath = EntityClasspath.of(List.of(classes, jar));
    EntityScanner.Units first = wholeScan(classpath);
    assertEquals(List.of("fx.A", "fx.S"), first.classNames(classpath, PACKAGES));

    // The directory's copy goes; the jar's, shadowed until now, is what the application loads.
    Files.delete(classes.resolve("fx/S.class"));
    ClassFiles files = fresh(classpath).classFiles();
    EntityScanner.Units incremental = incremental(classpath, first.found(), true);
    assertEquals(List.of("fx.A", "fx.S"), incremental.classNames(classpath, PACKAGES));
    assertEquals(wholeScan(classpath).found(), incremental.found());

    // With the jar first, the jar's copy is the one read: such a scan is used, never reused.
    EntityClasspath jarFirst = EntityClasspath.of(List.of(jar, classes));
    compile(classes, Map.of("fx/S.java", "package fx; public class S { int x; }"));
    EntityScanner.Units shadowed = wholeScan(jarFirst);
    assertEquals(List.of("fx.A", "fx.S"), shadowed.classNames(jarFirst, PACKAGES));
    assertFalse(shadowed.reusable());
  }

  @Test
  void aClassFileThatCannotBeReadTurnsTheCachesOff() throws IOException {
    Path classes = dir.resolve("classes");
    compile(classes, Map.of("fx/A.java", ENTITY_A));
    EntityClasspath classpath = EntityClasspath.of(List.of(classes));
    assertTrue(fresh(classpath).classFiles().complete());
    Files.createDirectories(classes.resolve("fx/Odd.class"));
    assertFalse(
        fresh(classpath).classFiles().complete(),
        "a file that reads as nothing could change unseen");
  }

  @Test
  void aChangedJarIsScannedAgain() throws IOException {
    Path classes = dir.resolve("classes");
    compile(classes, Map.of("fx/A.java", ENTITY_A));
    Path jarClasses = dir.resolve("jar-classes");
    compile(
        jarClasses,
        Map.of(
            "fx/lib/J.java",
            "package fx.lib; @jakarta.persistence.Embeddable public class J { int x; }"));
    Path jar = dir.resolve("lib.jar");
    jar(jarClasses, jar);
    EntityClasspath classpath = EntityClasspath.of(List.of(classes, jar));
    EntityScanner.Units first = wholeScan(classpath);
    assertEquals(List.of("fx.A", "fx.lib.J"), first.classNames(classpath, PACKAGES));

    compile(
        jarClasses,
        Map.of(
            "fx/lib/K.java",
            "package fx.lib; @jakarta.persistence.MappedSuperclass public class K { long y; }"));
    jar(jarClasses, jar);
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
    EntityScanner.Units second = incremental(classpath, first.found(), true);
    assertEquals(List.of("fx.A", "fx.lib.J", "fx.lib.K"), second.classNames(classpath, PACKAGES));
  }

  private static EntityScanner.Units wholeScan(EntityClasspath classpath) {
    return new ClassGraphScanner().scan(fresh(classpath), PACKAGES);
  }

  /** The incremental scan, given an earlier scan's units, of the classpath's files as they are. */
  private EntityScanner.Units incremental(
      EntityClasspath classpath,
      Map<String, List<EntityScanner.Found>> known,
      boolean throughLoader) {
    EntityClasspath now = fresh(classpath);
    return new IncrementalEntityScanner(new ClassGraphScanner(throughLoader), dir)
        .scan(now, PACKAGES, now.classFiles(), known);
  }

  /** A new view of the classpath: its class files hashed again, a new class loader. */
  private static EntityClasspath fresh(EntityClasspath classpath) {
    return EntityClasspath.of(classpath.entries());
  }

  private static void compile(Path output, Map<String, String> sources) throws IOException {
    Path src = Files.createTempDirectory(output.getParent(), "src");
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "-d",
                output.toString(),
                "-classpath",
                System.getProperty("java.class.path") + File.pathSeparator + output,
                "-proc:none"));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      arguments.add(file.toString());
    }
    Files.createDirectories(output);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    assertEquals(0, compiler.run(null, null, null, arguments.toArray(String[]::new)), "compiles");
  }

  private static void jar(Path classes, Path jar) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        var files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(file));
        out.closeEntry();
      }
    }
  }
}
