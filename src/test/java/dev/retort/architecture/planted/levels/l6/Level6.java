package dev.retort.architecture.planted.levels.l6;

/** Planted: level 4 of a nine-level chain. */
public class Level6 {
  dev.retort.architecture.planted.levels.l7.Level7 next;
}
