package com.example.shop;

import dev.retort.junit.RetortAssertions;
import org.junit.jupiter.api.Test;

/** 'mvn test' fails when an entity changed and no migration says so. */
class MigrationsTest {

  @Test
  void migrationsMatchEntities() {
    RetortAssertions.assertMigrationsMatchEntities();
  }
}
