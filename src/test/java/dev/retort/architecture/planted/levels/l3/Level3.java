package dev.retort.architecture.planted.levels.l3;

/** Planted: level 7 of a nine-level chain. */
public class Level3 {
  dev.retort.architecture.planted.levels.l4.Level4 next;
}
