package dev.retort.architecture.planted.levels.l7;

/** Planted: level 3 of a nine-level chain. */
public class Level7 {
  dev.retort.architecture.planted.levels.l8.Level8 next;
}
