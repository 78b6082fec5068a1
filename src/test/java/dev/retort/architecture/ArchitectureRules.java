package dev.retort.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Retort's package rules, for a root package: {@code dev.retort} for the product, another root for
 * the planted violations that prove each rule can fail.
 */
final class ArchitectureRules {

  /**
   * The most levels the package structure may have (the longest chain of package dependencies): the
   * stages, the application layer ({@code workspace}), the public facade ({@code Retort}) and the
   * framework front ends that call that facade (the Spring Boot auto-configuration).
   */
  static final int MAX_LEVELS = 9;

  private final String root;

  ArchitectureRules(String root) {
    this.root = root;
  }

  private String in(String pkg) {
    return root + "." + pkg + "..";
  }

  ArchRule noCycles() {
    return slices().matching(root + ".(*)..").should().beFreeOfCycles();
  }

  /** The neutral model depends on nothing but the JDK: every stage can use it. */
  ArchRule schemaDependsOnNothing() {
    return noClasses()
        .that()
        .resideInAPackage(in("schema"))
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages(in("schema"), "java..");
  }

  /**
   * The public API for migrations exposes only its own types: users' compiled migrations survive
   * any internal change.
   */
  ArchRule migrationApiIsSelfContained() {
    return noClasses()
        .that()
        .resideInAPackage(in("migration"))
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages(in("migration"), "java..");
  }

  /**
   * Hibernate ORM is touched by the model builder, which may run on another Hibernate, and by the
   * Hibernate Tools generator, which runs on the Hibernate Tools was built with; each in a class
   * loader of its own.
   */
  ArchRule hibernateOnlyInTheModelBuilder() {
    return noClasses()
        .that()
        .resideInAPackage(root + "..")
        .and()
        .resideOutsideOfPackages(in("entity.hibernate"), in("reverse.tools"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.hibernate..", "jakarta.persistence..")
        .as(
            "only "
                + root
                + ".entity.hibernate and "
                + root
                + ".reverse.tools use org.hibernate.., jakarta.persistence..");
  }

  /**
   * Hibernate Tools ({@code org.hibernate.tool..}, less Hibernate ORM's own {@code
   * org.hibernate.tool.schema..}) is used by the generator alone: it cannot link against the
   * Hibernate Retort bundles, so nothing else may touch it.
   */
  ArchRule hibernateToolsOnlyInTheGenerator() {
    DescribedPredicate<JavaClass> hibernateTools =
        JavaClass.Predicates.resideInAPackage("org.hibernate.tool..")
            .and(
                DescribedPredicate.not(
                    JavaClass.Predicates.resideInAPackage("org.hibernate.tool.schema..")))
            .as("Hibernate Tools (org.hibernate.tool.. but org.hibernate.tool.schema..)");
    return noClasses()
        .that()
        .resideInAPackage(root + "..")
        .and()
        .resideOutsideOfPackage(in("reverse.tools"))
        .should()
        .dependOnClassesThat(hibernateTools)
        .as("only " + root + ".reverse.tools uses org.hibernate.tool.. (Hibernate Tools)");
  }

  /**
   * The generator is loaded by name in the Hibernate Tools class loader: a class that referenced it
   * directly would load it in Retort's loader, where Hibernate Tools is not.
   */
  ArchRule theGeneratorIsLoadedOnlyByName() {
    return noClasses()
        .that()
        .resideInAPackage(root + "..")
        .and()
        .resideOutsideOfPackage(in("reverse.tools"))
        .should()
        .dependOnClassesThat()
        .resideInAPackage(in("reverse.tools"))
        .as("nothing outside " + root + ".reverse.tools refers to it");
  }

  /**
   * The model builder is loaded by name in the class loader of the application's Hibernate: a class
   * that referenced it directly would load a second copy, linked to the bundled Hibernate.
   */
  ArchRule theModelBuilderIsLoadedOnlyByName() {
    return noClasses()
        .that()
        .resideInAPackage(root + "..")
        .and()
        .resideOutsideOfPackage(in("entity.hibernate"))
        .should()
        .dependOnClassesThat()
        .resideInAPackage(in("entity.hibernate"))
        .as("nothing outside " + root + ".entity.hibernate refers to it");
  }

  /**
   * The catalog is read with plain JDBC; SchemaCrawler, which read it before, is a test dependency:
   * the reference the reader is tested against.
   */
  ArchRule noSchemaCrawler() {
    return noClasses()
        .that()
        .resideInAPackage(root + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("schemacrawler..", "us.fatehi..")
        .as(root + " does not use schemacrawler.., us.fatehi.. (a test dependency)");
  }

  ArchRule javaPoetOnlyInRender() {
    return onlyIn("render", "com.palantir.javapoet..");
  }

  ArchRule picocliOnlyInCli() {
    return onlyIn("cli", "picocli..");
  }

  /** The Maven plugin is a front end like the command line: Maven's API stays in it. */
  ArchRule mavenApiOnlyInThePlugin() {
    return onlyIn("maven", "org.apache.maven..");
  }

  ArchRule jsqlParserOnlyInLint() {
    return onlyIn("lint", "net.sf.jsqlparser..");
  }

  /** The application's settings files are read in one place. */
  ArchRule snakeYamlOnlyInDiscovery() {
    return onlyIn("discovery", "org.yaml.snakeyaml..");
  }

  /** JUnit is the test kit's; the product itself never depends on a test framework. */
  ArchRule junitOnlyInTheTestKit() {
    return onlyIn("junit", "org.junit..", "org.opentest4j..");
  }

  ArchRule springOnlyInTheSpringBootFrontEnd() {
    return onlyIn("spring", "org.springframework..");
  }

  /** Liquibase reads changelogs for {@code import liquibase}, and nothing else touches it. */
  ArchRule liquibaseOnlyInItsImport() {
    return onlyIn("liquibase", "liquibase..");
  }

  ArchRule embeddedPostgresOnlyInEmbedded() {
    return onlyIn("embedded", "io.zonky..");
  }

  /**
   * Testcontainers ({@code shadow.image}) is an optional dependency, used by the container server
   * alone.
   */
  ArchRule testcontainersOnlyInTheContainerServer() {
    return onlyIn("shadow.container", "org.testcontainers..");
  }

  /**
   * The container server links against Testcontainers, which may be absent: only the chooser, which
   * looks for Testcontainers first, may touch it.
   */
  ArchRule theContainerServerIsReachedOnlyThroughTheChooser() {
    return noClasses()
        .that()
        .resideInAPackage(root + "..")
        .and()
        .resideOutsideOfPackages(root + ".shadow", in("shadow.container"))
        .should()
        .dependOnClassesThat()
        .resideInAPackage(in("shadow.container"))
        .as("nothing outside " + root + ".shadow refers to " + root + ".shadow.container");
  }

  /** Caches are decorators, wired in by the application layer; no stage knows them. */
  ArchRule cachesOnlyWiredByTheApplicationLayer() {
    return noClasses()
        .that()
        .resideInAPackage(root + "..")
        .and()
        .resideOutsideOfPackages(in("cache"), in("workspace"))
        .should()
        .dependOnClassesThat()
        .resideInAPackage(in("cache"));
  }

  private ArchRule onlyIn(String pkg, String... libraries) {
    return noClasses()
        .that()
        .resideInAPackage(root + "..")
        .and()
        .resideOutsideOfPackage(in(pkg))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(libraries)
        .as("only " + root + "." + pkg + " uses " + String.join(", ", libraries));
  }

  List<ArchRule> all() {
    return List.of(
        noCycles(),
        schemaDependsOnNothing(),
        migrationApiIsSelfContained(),
        hibernateOnlyInTheModelBuilder(),
        theModelBuilderIsLoadedOnlyByName(),
        hibernateToolsOnlyInTheGenerator(),
        theGeneratorIsLoadedOnlyByName(),
        noSchemaCrawler(),
        javaPoetOnlyInRender(),
        picocliOnlyInCli(),
        mavenApiOnlyInThePlugin(),
        embeddedPostgresOnlyInEmbedded(),
        springOnlyInTheSpringBootFrontEnd(),
        junitOnlyInTheTestKit(),
        jsqlParserOnlyInLint(),
        snakeYamlOnlyInDiscovery(),
        liquibaseOnlyInItsImport(),
        testcontainersOnlyInTheContainerServer(),
        theContainerServerIsReachedOnlyThroughTheChooser(),
        cachesOnlyWiredByTheApplicationLayer());
  }

  /**
   * The packages by level: 1 for a package that depends on no other of the root's, else one more
   * than the highest level it depends on.
   */
  Map<Integer, Set<String>> levels(JavaClasses classes) {
    Map<String, Set<String>> graph = new HashMap<>();
    for (JavaClass type : classes) {
      String from = type.getPackageName();
      if (!from.startsWith(root)) {
        continue;
      }
      graph.computeIfAbsent(from, k -> new HashSet<>());
      for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
        String to = dependency.getTargetClass().getPackageName();
        if (to.startsWith(root) && !to.equals(from)) {
          graph.get(from).add(to);
          graph.computeIfAbsent(to, k -> new HashSet<>());
        }
      }
    }
    Map<String, Integer> memo = new HashMap<>();
    Map<Integer, Set<String>> levels = new TreeMap<>();
    for (String pkg : graph.keySet()) {
      levels
          .computeIfAbsent(level(pkg, graph, memo, new ArrayList<>()), k -> new TreeSet<>())
          .add(pkg);
    }
    return levels;
  }

  private static int level(
      String pkg, Map<String, Set<String>> graph, Map<String, Integer> memo, List<String> path) {
    Integer known = memo.get(pkg);
    if (known != null) {
      return known;
    }
    if (path.contains(pkg)) {
      return 0; // a cycle; noCycles() reports it
    }
    path.add(pkg);
    int level = 1;
    for (String dependency : graph.get(pkg)) {
      level = Math.max(level, 1 + level(dependency, graph, memo, path));
    }
    path.remove(path.size() - 1);
    memo.put(pkg, level);
    return level;
  }
}
