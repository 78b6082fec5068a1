package dev.retort.revision;

public enum Direction {
  UPGRADE,
  DOWNGRADE;

  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
