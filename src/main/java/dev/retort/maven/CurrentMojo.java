package dev.retort.maven;

import dev.retort.revision.RevisionGraph;
import dev.retort.workspace.Workspace;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Shows the revision(s) the database is at (as {@code retort current}). */
@Mojo(name = "current", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public final class CurrentMojo extends RetortMojo {

  @Override
  void run(Workspace workspace) {
    Workspace.Current current = workspace.current();
    current.partial().forEach(partial -> output().info(partial.describe()));
    if (current.heads().isEmpty() && current.unversionedTables() > 0) {
      output()
          .info(
              "unversioned: "
                  + current.unversionedTables()
                  + " table(s) and no Retort version table (built some other way); 'retort"
                  + " stamp --detect' finds the revision its schema matches");
      return;
    }
    if (current.heads().isEmpty()) {
      output().info("The database is at base (no revision applied).");
      return;
    }
    RevisionGraph graph = workspace.graph();
    for (String head : current.heads()) {
      output().info(head + (graph.childrenOf(head).isEmpty() ? " (head)" : ""));
    }
  }
}
