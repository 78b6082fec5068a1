package dev.retort.architecture.planted.levels.l2;

/** Planted: level 8 of a nine-level chain. */
public class Level2 {
  dev.retort.architecture.planted.levels.l3.Level3 next;
}
