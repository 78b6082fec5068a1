package dev.retort.workspace;

import dev.retort.config.RetortConfig;
import dev.retort.discovery.Framework;
import dev.retort.discovery.MappingSettings;
import dev.retort.entity.EntityClasspath;

/** What Retort finds out about the application it reads, shared by the comparison and doctor. */
final class Discovery {

  private Discovery() {}

  /** The Hibernate settings the entities map with, and where each came from. */
  static MappingSettings mapping(RetortConfig config, EntityClasspath classpath) {
    return MappingSettings.of(
        Framework.on(classpath.entries()),
        config.application(),
        config.hibernate(),
        config.settingsSource());
  }
}
