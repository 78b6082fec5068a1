package dev.retort.embedded;

import java.nio.file.Path;

/**
 * An initialized data directory kept between runs, so that an embedded server can start without
 * initdb (most of its start-up time: initdb builds template1, template0 and postgres from scratch).
 * A cache: without one, every start runs initdb, and a kept directory the server refuses is
 * forgotten and made again.
 */
public interface ClusterTemplate {

  /** Nothing kept: every start runs initdb. */
  ClusterTemplate NONE =
      new ClusterTemplate() {
        @Override
        public boolean copyInto(Path dataDirectory) {
          return false;
        }

        @Override
        public void keep(Path dataDirectory) {}

        @Override
        public void discard() {}
      };

  /**
   * Fills the empty {@code dataDirectory} with the kept cluster.
   *
   * @return false when none is kept or it could not be copied (the directory is then empty again)
   */
  boolean copyInto(Path dataDirectory);

  /** Keeps a copy of a cluster initdb has just made, before a server first starts on it. */
  void keep(Path dataDirectory);

  /** Forgets the kept cluster: a server would not start from it. */
  void discard();
}
