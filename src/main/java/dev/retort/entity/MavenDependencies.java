package dev.retort.entity;

import java.nio.file.Path;
import java.util.List;

/** The runtime dependency classpath of a Maven project, as Maven reports it. */
public interface MavenDependencies {

  List<Path> runtimeClasspath(Path pom);
}
