package dev.retort.revision;

import java.util.Locale;

public enum Direction {
  UPGRADE,
  DOWNGRADE;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
