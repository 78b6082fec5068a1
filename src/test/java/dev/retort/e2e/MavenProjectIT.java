package dev.retort.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a Maven project with no classpath configured, Retort works it out from the project (asking
 * Maven once, then from the cache) and the first autogenerate needs nothing else.
 */
class MavenProjectIT {

  @TempDir Path project;

  @Test
  void classpathComesFromThePomAndIsCached() throws Exception {
    Files.writeString(
        project.resolve("pom.xml"),
        """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.example</groupId>
          <artifactId>shop</artifactId>
          <version>1</version>
          <properties>
            <maven.compiler.release>17</maven.compiler.release>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          </properties>
          <dependencies>
            <dependency>
              <groupId>jakarta.persistence</groupId>
              <artifactId>jakarta.persistence-api</artifactId>
              <version>3.2.0</version>
            </dependency>
          </dependencies>
          <build>
            <plugins>
              <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.1</version></plugin>
              <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
              <plugin><artifactId>maven-dependency-plugin</artifactId><version>3.9.0</version></plugin>
            </plugins>
          </build>
        </project>
        """);
    Path model = Files.createDirectories(project.resolve("src/main/java/com/example/shop"));
    Files.writeString(
        model.resolve("Product.java"),
        """
        package com.example.shop;

        import jakarta.persistence.*;

        @Entity
        @Table(name = "products")
        public class Product {
          @Id Long id;
          @Column(nullable = false, length = 80) String name;
        }
        """);
    Process compile =
        new ProcessBuilder("mvn", "-q", "-B", "-ntp", "compile")
            .directory(project.toFile())
            .inheritIO()
            .start();
    assertTrue(
        compile.waitFor(5, TimeUnit.MINUTES) && compile.exitValue() == 0,
        "the example project compiles");

    Launcher retort =
        new Launcher(project).env("RETORT_CACHE_DIR", project.resolve(".cache").toString());
    assertEquals(0, retort.run("init").exitCode());
    Files.writeString(project.resolve("retort.properties"), "entities.packages=com.example.shop\n");
    Launcher.Result first =
        retort.run("revision", "--autogenerate", "-m", "products", "--rev-id", "p1");
    assertEquals(0, first.exitCode(), first.toString());
    assertTrue(first.out().contains("Detected added table 'products'"), first.out());
    try (var cached = Files.list(project.resolve(".cache/classpath"))) {
      List<Path> files = cached.toList();
      assertEquals(1, files.size(), "Maven's answer is cached by the pom's content");
      assertTrue(Files.readString(files.get(0)).contains("jakarta.persistence-api-3.2.0.jar"));
    }
    Launcher.Result check = retort.run("check");
    assertEquals(0, check.exitCode(), check.toString());
  }
}
