package dev.retort.architecture.planted.levels.l5;

/** Planted: level 5 of a nine-level chain. */
public class Level5 {
  dev.retort.architecture.planted.levels.l6.Level6 next;
}
